/**
 * The pinned prettier options for generated files. They equal the repository's .prettierrc.json
 * (a test checks that), but live in code so output never depends on config files found on disk.
 */
import type { Options } from "prettier";

export const PRETTIER_OPTIONS = {
  printWidth: 100,
  semi: true,
  singleQuote: false,
  trailingComma: "all",
  endOfLine: "lf",
  // Code blocks inside the package README are left as emitted (already formatted by their
  // emitters): formatting them was ~2/3 of the README's cost, the largest file of every package.
  embeddedLanguageFormatting: "off",
} as const satisfies Options;
