/** JSDoc from documentation prose, through the one doc-comment sink (`page-text.ts`). */
import { docCommentText } from "./page-text.js";

/** ts-morph `docs` for a declaration: none when there is no text. */
export function docs(...parts: readonly (string | undefined)[]): string[] {
  const text = docCommentText(...parts);
  return text === undefined ? [] : [text];
}
