/**
 * A text formatter whose print workers start only when a run needs them: at the first file
 * prettier must format. Most modules are laid out in the pipeline's thread instead, so most runs
 * start none.
 */
import { createTextFormatter, type TextFormatter } from "./format-pool.js";

export function deferredFormatter(threads: number): TextFormatter {
  let started: TextFormatter | undefined;
  const formatter = () => (started ??= createTextFormatter(threads));
  return {
    threads,
    format: (fileName, content) => formatter().format(fileName, content),
    close: async () => {
      await started?.close();
    },
  };
}
