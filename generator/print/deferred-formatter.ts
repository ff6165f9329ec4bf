/**
 * A text formatter whose print workers start only when a run needs them: at its first file, or
 * earlier when the run knows it will print (it has pages to parse, and the workers warm prettier
 * meanwhile). A run that reuses every package never starts them.
 */
import { createTextFormatter, type TextFormatter } from "./format-pool.js";

export interface DeferredFormatter extends TextFormatter {
  /** Starts the workers now (idempotent). */
  start(): void;
  /** True once the workers were started. */
  started(): boolean;
}

export function deferredFormatter(threads: number): DeferredFormatter {
  let started: TextFormatter | undefined;
  const formatter = () => (started ??= createTextFormatter(threads));
  return {
    threads,
    start: () => void formatter(),
    started: () => started !== undefined,
    format: (fileName, content) => formatter().format(fileName, content),
    close: async () => {
      await started?.close();
    },
  };
}
