/**
 * The pinned prettier options for generated files. They equal the repository's .prettierrc.json
 * (a test checks that), but live in code so output never depends on config files found on disk.
 */
import { createRequire } from "node:module";
import type { Options } from "prettier";

/**
 * Prettier's own oxc plugin parses TypeScript with oxc instead of typescript-estree. The printed
 * output is the same (the corpus's 1,904 generated .ts files format byte-identically with both),
 * and TypeScript formatting, the largest part of a generate run, takes about half the time
 * (16.4 s -> 8.5 s over those files in one thread). Given by path, so that worker threads and any
 * working directory load the same copy.
 */
const OXC_PLUGIN = createRequire(import.meta.url).resolve("@prettier/plugin-oxc");

export const PRETTIER_OPTIONS = {
  printWidth: 100,
  semi: true,
  singleQuote: false,
  trailingComma: "all",
  endOfLine: "lf",
  // Code blocks inside the package README are left as emitted (already formatted by their
  // emitters): formatting them was ~2/3 of the README's cost, the largest file of every package.
  embeddedLanguageFormatting: "off",
  plugins: [OXC_PLUGIN],
} as const satisfies Options;

/**
 * The names prettier is given for a file, tried in order until one formats: the name decides the
 * parser and its options. A TypeScript module is first given as `.tsx`. The oxc plugin reads a
 * `.tsx` name as "TSX only", while for `.ts` it first runs a JSX-guessing regular expression over
 * the whole text, whose backtracking grows with each run of lines without quotes (the generated
 * modules' doc comments): formatting the corpus's generated modules took 1,190 ms that way and
 * 970 ms as `.tsx`, with the same output for all 364. The trees are the same because generated
 * modules hold no JSX and no `<T>value` assertions (they write `as`); a module that held one
 * would fail to parse as TSX and be formatted as `.ts` (test/print/format-files.test.ts).
 */
export function prettierFileNames(fileName: string): readonly string[] {
  return fileName.endsWith(".ts") && !fileName.endsWith(".d.ts")
    ? [`${fileName}x`, fileName]
    : [fileName];
}
