/**
 * Reads and parses pages one at a time in this thread (read-and-parse-page.ts), so a run keeps
 * parsed pages, never every page's text. A parse worker beside this thread was tried (2026-11-30)
 * and removed: on 2 cores it added ~1 s of CPU to a corpus run (its start, and compiling the
 * Markdown libraries again in its own isolate) and no measured gain at 1x or 15x, where V8's
 * compiler and GC threads already keep more than one core busy.
 */
import { readAndParsePage, type PageOutcome, type ReadParseClock } from "./read-and-parse-page.js";

interface ReadPagesResult {
  /** One per file, in the order given. */
  readonly outcomes: PageOutcome[];
  /** Time spent reading pages, and parsing them. */
  readonly readMs: number;
  readonly parseMs: number;
}

/** `between` runs after each page (the heap budget settles there). */
export function readPages(files: readonly string[], between?: () => void): ReadPagesResult {
  const clock: ReadParseClock = { readMs: 0, parseMs: 0 };
  const outcomes = files.map((file) => {
    const outcome = readAndParsePage(file, clock);
    between?.();
    return outcome;
  });
  return { outcomes, readMs: clock.readMs, parseMs: clock.parseMs };
}
