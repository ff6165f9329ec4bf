/**
 * CHANGELOG.md of a generated package: newest release first, each entry listing the API changes
 * that made it. Only names, types and versions appear (never page prose), so the file is safe to
 * render anywhere. The previous file is read back from the out folder and kept below the new
 * entry, so the history survives regeneration.
 */
import type { ApiChange } from "../api-change.js";
import { CHANGE_KINDS } from "../change-kinds.js";
import type { Bump } from "../semver-bump.js";

const TITLE = "# Changelog";

/**
 * A changelog as planned: `text`, the title and the new entry, which the print phase formats,
 * and `kept`, the earlier entries as the last run wrote them (formatted then), appended as they
 * are. So a run formats one entry, not the whole history, however many releases a package had.
 */
export interface PlannedChangelog {
  readonly text: string;
  readonly kept: string;
}

/**
 * A value as it may stand in a changelog line that prettier's Markdown printer leaves as it is:
 * words of letters, digits and `. # @ ( ) | [ ] : / , < > = -`, an underscore only inside a word
 * (never emphasis), separated by single spaces. Names from the pages' closed grammars, canonical
 * types, versions and hosts all are.
 */
const WORD = String.raw`(?:[A-Za-z0-9.#@()|[\]:/,<>=-]|(?<=[A-Za-z0-9])_(?=[A-Za-z0-9]))+`;
const VALUE = String.raw`${WORD}(?: ${WORD})*`;

/** The lines of a changelog's title and new entry as this module writes them, values plain. */
const STABLE_LINE = [
  /^# Changelog$/,
  /^$/,
  /^## \d+\.\d+\.\d+$/,
  /^\d+ (?:breaking|compatible) change\(s\); (?:major|minor|patch) bump\.$/,
  /^API recorded \(\d+ action\(s\)\); later entries list every change from here\.$/,
  new RegExp(
    String.raw`^- (?:\*\*breaking\*\* )?\`${WORD}\`(?: \(${WORD}\))?: [a-zA-Z -]+(?: \((?:was )?${VALUE}(?: -> ${VALUE})?\))?$`,
  ),
];

/**
 * True when prettier would leave a changelog's planned `text` (its title and new entry) as it
 * is, so that the print phase need not format it: every line is one this module writes, with
 * plain values, and no two blank lines meet. test/print/changelog-tail.test.ts checks this against
 * prettier over entries of any values.
 */
export function isPrettierStable(text: string): boolean {
  if (!text.endsWith("\n") || text.includes("\n\n\n")) return false;
  return text
    .slice(0, -1)
    .split("\n")
    .every((line) => STABLE_LINE.some((pattern) => pattern.test(line)));
}

/** The changelog with `entry` on top of the entries of `previous` (a CHANGELOG.md's text). */
export function prependEntry(previous: string | undefined, entry: string): PlannedChangelog {
  return { text: `${TITLE}\n\n${entry}`, kept: previousEntries(previous) };
}

/** The entries of an existing changelog: everything from its first "## " heading on. */
function previousEntries(previous: string | undefined): string {
  if (previous === undefined) return "";
  const start = previous.search(/^## /m);
  return start === -1 ? "" : `\n${previous.slice(start).trimEnd()}\n`;
}

/** The changelog kept as it is (no API change), or started when there is none. */
export function keepChangelog(previous: string | undefined, firstEntry: string): PlannedChangelog {
  const entries = previousEntries(previous);
  return entries === ""
    ? { text: `${TITLE}\n\n${firstEntry}`, kept: "" }
    : { text: `${TITLE}\n`, kept: entries };
}

export function releaseEntry(version: string, bump: Bump, changes: readonly ApiChange[]): string {
  const breaking = changes.filter((c) => c.severity === "error").length;
  const summary =
    breaking > 0
      ? `${breaking} breaking change(s); ${bump} bump.`
      : `${changes.length} compatible change(s); ${bump} bump.`;
  return `## ${version}\n\n${summary}\n\n${changes.map(changeLine).join("\n")}\n`;
}

export function firstEntry(version: string, actions: number): string {
  return `## ${version}\n\nAPI recorded (${actions} action(s)); later entries list every change from here.\n`;
}

/** "- **breaking** `ModifyMigrateJob.JobName` (2018-03-30): request parameter became required (optional -> required)" */
function changeLine(change: ApiChange): string {
  const mark = change.severity === "error" ? "**breaking** " : "";
  const where = change.version === null ? "" : ` (${change.version})`;
  const values = change.id === "description-changed" ? "" : fromTo(change.before, change.after);
  return `- ${mark}\`${change.path}\`${where}: ${CHANGE_KINDS[change.id].title}${values}`;
}

function fromTo(before: string | null, after: string | null): string {
  if (before !== null && after !== null) return ` (${before} -> ${after})`;
  if (after !== null) return ` (${after})`;
  if (before !== null) return ` (was ${before})`;
  return "";
}
