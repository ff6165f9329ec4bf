/**
 * Lints generated packages with the repository's eslint configuration, in-process. The repository
 * ignores tmp/ (where the corpus is generated), so ignore patterns are switched off here.
 */
import { ESLint } from "eslint";

export interface LintProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export async function lintPackages(dir: string, repoRoot: string): Promise<LintProblem[]> {
  const eslint = new ESLint({ cwd: repoRoot, ignore: false });
  const results = await eslint.lintFiles([`${dir}/**/*.ts`]);
  return results.flatMap((r) =>
    r.messages.map((m) => ({
      file: r.filePath,
      line: m.line,
      column: m.column,
      message: `${m.ruleId ?? "eslint"}: ${m.message}`,
    })),
  );
}
