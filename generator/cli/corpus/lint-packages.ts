/**
 * Lints generated packages with the repository's eslint configuration, in-process, LINT_BATCH_FILES
 * files at a time with the heap collected between batches: ESLint keeps a file's syntax tree,
 * tokens and scopes only while linting it, but V8 let that garbage reach ~250 MB over the corpus
 * before collecting it; in batches it stays near one batch's worth (half the corpus: 555 -> 335 MB
 * RSS, the same at an eighth). The repository ignores tmp/ (where the corpus is generated), so
 * ignore patterns are switched off here.
 */
import { ESLint } from "eslint";
import { typeScriptFilesUnder } from "../../emit/package/type-check-packages.js";
import { collectBetween, slices } from "./file-batches.js";

export interface LintProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * Files per lintFiles call. Half the corpus alone: 50 files peaked at 330-341 MB for 20-21 s of
 * CPU, 100 at 412-424 MB (18-19 s), 200 at 526 MB (16-18 s); one call over every file with no
 * collection, 581-589 MB (12-13 s). Inside the check, batches of 100 took the process from 523 to
 * 577 MB.
 */
export const LINT_BATCH_FILES = 50;

export async function lintPackages(
  dir: string,
  repoRoot: string,
  batchFiles: number = LINT_BATCH_FILES,
): Promise<LintProblem[]> {
  const eslint = new ESLint({ cwd: repoRoot, ignore: false });
  const perBatch = await collectBetween(
    slices(typeScriptFilesUnder(dir), batchFiles),
    async (files) => (await eslint.lintFiles(files)).flatMap(problemsOf),
  );
  return perBatch.flat();
}

function problemsOf(result: ESLint.LintResult): LintProblem[] {
  return result.messages.map((m) => ({
    file: result.filePath,
    line: m.line,
    column: m.column,
    message: `${m.ruleId ?? "eslint"}: ${m.message}`,
  }));
}
