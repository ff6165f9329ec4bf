/**
 * What every tcgen command shares on the command line: its documentation (one record per command,
 * from which `--help` is printed, so an option cannot exist without its explanation), argument
 * parsing with one-line errors, and the exit-code rule:
 *   0  done, no page had an error;
 *   1  a page had an error, or drift was found (generate --check, diff);
 *   2  the command line cannot be carried out (unknown option, missing or bad value, missing
 *      folder, port taken), with one line on stderr saying what is wrong.
 */
import { parseArgs } from "node:util";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

interface OptionDoc {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  readonly short?: string;
  readonly default?: string | boolean;
  /** The default as --help shows it, for one parseArgs does not apply (a repeatable option). */
  readonly defaultText?: string;
  /** The placeholder shown for a string option's value, e.g. "DIR". */
  readonly value?: string;
  /** What the option does; printed by --help. */
  readonly help: string;
}

export type OptionDocs = Readonly<Record<string, OptionDoc>>;

export interface CommandDoc<O extends OptionDocs> {
  /** The name after `tcgen`. */
  readonly name: string;
  /** How the command is run, when not `tcgen <name>` (e.g. "npm run corpus --"). */
  readonly program?: string;
  /** Usage lines without the leading "Usage: ". */
  readonly synopsis: readonly string[];
  /** One line for `tcgen --help`. */
  readonly summary: string;
  /** Paragraphs printed after the synopsis. */
  readonly description: readonly string[];
  /** Positional arguments and what they are, when the command takes some. */
  readonly positionals?: readonly (readonly [string, string])[];
  readonly options: O;
  /** What each exit code means for this command. */
  readonly exitCodes: readonly string[];
}

const HELP_OPTION = { type: "boolean", short: "h", help: "Print this help and exit 0." } as const;

type WithHelp<O extends OptionDocs> = O & { readonly help: typeof HELP_OPTION };
type Parsed<O extends OptionDocs> = ReturnType<
  typeof parseArgs<{
    args: string[];
    options: WithHelp<O>;
    allowPositionals: true;
    strict: true;
  }>
>;

/**
 * The parsed arguments, or the exit code when the command must stop here: 0 after printing the
 * help (stdout), 2 after a one-line error (stderr).
 */
export function parseCommandLine<O extends OptionDocs>(
  doc: CommandDoc<O>,
  argv: readonly string[],
): Parsed<O> | number {
  const options = { ...doc.options, help: HELP_OPTION } as WithHelp<O>;
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError(doc, describeParseError(error));
  }
  if ((parsed.values as { readonly help?: boolean }).help === true) {
    process.stdout.write(formatHelp(doc));
    return EXIT_OK;
  }
  if (doc.positionals === undefined && parsed.positionals.length > 0) {
    return usageError(doc, `unexpected argument ${quote(parsed.positionals[0] ?? "")}`);
  }
  return parsed;
}

/** Writes the one-line error for a command line that cannot be carried out; returns 2. */
export function usageError(
  doc: Pick<CommandDoc<OptionDocs>, "name" | "program">,
  message: string,
): number {
  const program = doc.program ?? `tcgen ${doc.name}`;
  process.stderr.write(`${program.replace(/ --$/, "")}: ${message}. See: ${program} --help\n`);
  return EXIT_USAGE;
}

/** Node's parseArgs messages, shortened to what was wrong (its own advice can confuse). */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']*)'/.exec(message);
  if (unknown !== null) return `unknown option ${unknown[1] ?? ""}`;
  const missing = /^Option '([^' ]*)[^']*' argument missing/.exec(message);
  if (missing !== null) return `${missing[1] ?? ""} needs a value`;
  const noValue = /^Option '([^']*)' does not take an argument/.exec(message);
  if (noValue !== null) return `${noValue[1] ?? ""} takes no value`;
  const ambiguous = /^Option '([^' ]*)[^']*' argument is ambiguous/.exec(message);
  if (ambiguous !== null) return `${ambiguous[1] ?? ""} needs a value (use --option=VALUE)`;
  return (message.split(/\.\s/)[0] ?? message).replace(/\.$/, "");
}

function quote(text: string): string {
  return JSON.stringify(text);
}

const WIDTH = 100;

function formatHelp<O extends OptionDocs>(doc: CommandDoc<O>): string {
  const lines: string[] = [];
  doc.synopsis.forEach((s, i) => lines.push(`${i === 0 ? "Usage: " : "       "}${s}`));
  for (const paragraph of doc.description) lines.push("", ...wrap(paragraph, 0));
  if (doc.positionals !== undefined && doc.positionals.length > 0) {
    lines.push("", "Arguments:", ...table(doc.positionals));
  }
  const options = Object.entries({ ...doc.options, help: HELP_OPTION } as OptionDocs);
  lines.push(
    "",
    "Options:",
    ...table(options.map(([name, o]) => [optionLabel(name, o), optionText(o)])),
  );
  lines.push("", "Exit codes:", ...doc.exitCodes.flatMap((text) => wrap(text, 2)));
  return `${lines.join("\n")}\n`;
}

function optionLabel(name: string, option: OptionDoc): string {
  const short = option.short === undefined ? "" : `-${option.short}, `;
  const value = option.type === "string" ? ` ${option.value ?? "VALUE"}` : "";
  return `${short}--${name}${value}`;
}

function optionText(option: OptionDoc): string {
  const notes: string[] = [];
  if (option.multiple === true) notes.push("repeatable");
  const shownDefault = option.defaultText ?? option.default;
  if (typeof shownDefault === "string") notes.push(`default: ${shownDefault}`);
  return notes.length === 0 ? option.help : `${option.help} (${notes.join("; ")})`;
}

/** Two columns: labels padded, texts wrapped under their own column. */
function table(rows: readonly (readonly [string, string])[]): string[] {
  const labelWidth = Math.min(28, Math.max(...rows.map(([label]) => label.length)));
  const out: string[] = [];
  for (const [label, text] of rows) {
    const indent = 2 + labelWidth + 2;
    const wrapped = wrap(text, indent);
    if (label.length > labelWidth) {
      out.push(`  ${label}`, ...wrapped);
    } else {
      out.push(
        `  ${label.padEnd(labelWidth)}  ${(wrapped[0] ?? "").trimStart()}`,
        ...wrapped.slice(1),
      );
    }
  }
  return out;
}

function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(" ".repeat(indent) + line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(" ".repeat(indent) + line);
  return lines;
}
