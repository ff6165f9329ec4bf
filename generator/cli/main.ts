#!/usr/bin/env node
/**
 * `tcgen <command>`: the command-line entry point (run by bin/tcgen.js, `npm run tcgen` or tsx).
 * Each command lives in its own module, documents its options in a CommandDoc (command-line.ts)
 * and exports `run(argv): Promise<number>` returning the exit code: 0 ok, 1 page errors or drift,
 * 2 a command line that cannot be carried out. Modules load on demand so that `--help` is fast.
 */
import { readFileSync } from "node:fs";
import { EXIT_OK, EXIT_USAGE } from "./command-line.js";

interface Command {
  readonly summary: string;
  readonly load: () => Promise<{ run: (argv: string[]) => Promise<number> }>;
}

const commands: Record<string, Command> = {
  parse: {
    summary: "print the IR of pages (--json for data); diagnostics on stderr",
    load: () => import("./parse-command.js"),
  },
  generate: {
    summary: "write one package per service; --check compares instead of writing",
    load: () => import("./generate-command.js"),
  },
  diff: {
    summary: "the API changes between two sides (pages, folders, api.json, a git ref)",
    load: () => import("./diff-command.js"),
  },
  mock: {
    summary: "serve a signature-checking mock Tencent Cloud API for the pages",
    load: () => import("./mock-command.js"),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
  return [
    "Usage: tcgen <command> [options]",
    "       tcgen <command> --help   every option of a command",
    "       tcgen --version",
    "",
    "Commands:",
    ...lines,
    "",
    "Exit codes: 0 done; 1 a page had an error, or drift was found (generate --check, diff);",
    "2 the command line cannot be carried out (one line on stderr says why).",
    "",
  ].join("\n");
}

function version(): string {
  const manifest = JSON.parse(
    readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
  ) as { version?: string };
  return `tcgen ${manifest.version ?? "unknown"}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // A bare `tcgen` did not say what to do: a usage error, with the help to say what it can do.
    process.stderr.write(usage());
    return EXIT_USAGE;
  }
  if (name === "--help" || name === "-h") {
    process.stdout.write(usage());
    return EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(version());
    return EXIT_OK;
  }
  if (name === "help") {
    if (rest[0] === undefined) {
      process.stdout.write(usage());
      return EXIT_OK;
    }
    return main([rest[0], "--help"]);
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) {
    const known = Object.keys(commands).join(", ");
    const what = name.startsWith("-") ? "option" : "command";
    process.stderr.write(
      `tcgen: unknown ${what} ${JSON.stringify(name)}; commands: ${known}. See: tcgen --help\n`,
    );
    return EXIT_USAGE;
  }
  const module = await command.load();
  return module.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Bad input never gets here (every command reports it with a code); this is a bug in tcgen.
    const message = error instanceof Error ? error.message : String(error);
    const stack = process.env["TCGEN_DEBUG"] === "1" && error instanceof Error ? error.stack : "";
    process.stderr.write(
      `tcgen: internal error (a bug in tcgen, please report it): ${message}\n` +
        (stack === "" || stack === undefined
          ? "Run again with TCGEN_DEBUG=1 for the stack trace.\n"
          : `${stack}\n`),
    );
    process.exitCode = 70;
  },
);
