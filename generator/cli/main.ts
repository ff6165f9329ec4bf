#!/usr/bin/env node
/**
 * `tcgen <command>`: the command-line entry point. Each command lives in its own module and
 * exports `run(argv): Promise<number>` returning the process exit code.
 */
interface Command {
  readonly summary: string;
  readonly load: () => Promise<{ run: (argv: string[]) => Promise<number> }>;
}

const commands: Record<string, Command> = {
  parse: {
    summary: "parse FILE|DIR... [--json] [--strict]  print the IR of pages; diagnostics on stderr",
    load: () => import("./parse-command.js"),
  },
  generate: {
    summary:
      "generate [--specs DIR] [--out DIR] [--check] [--strict] [--verbose]  write one package per service",
    load: () => import("./generate-command.js"),
  },
  diff: {
    summary:
      "diff OLD NEW | --base GIT_REF [--format text|markdown|json] [--fail-on any|breaking|none]  API changes and the bump they imply",
    load: () => import("./diff-command.js"),
  },
  mock: {
    summary:
      "mock --specs DIR [--port N] [--secret-id ID] [--secret-key KEY]  serve a mock Tencent Cloud API",
    load: () => import("./mock-command.js"),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
  return ["Usage: tcgen <command> [options]", "", "Commands:", ...lines, ""].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return name === undefined ? 1 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    process.stderr.write(`tcgen: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const module = await command.load();
  return module.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `tcgen: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
