/**
 * Reads and parses pages in this thread and, beside it, in one worker thread (parse-worker.mjs):
 * both claim the next unclaimed page from a shared counter, so neither waits for the other and
 * a slow start of the worker only means it parses fewer pages. The outcomes come back in the
 * order of the files, each the same as this thread alone would give (the same function reads and
 * parses a page in both), so the choice never changes a byte of the output.
 *
 * The worker lives for the parse phase only: its heap (about 50 MB RSS with the loader it needs)
 * is given back before packages are generated, where a run's memory peaks. When it cannot start
 * or stops (out of memory on a huge page), the pages it held are parsed here instead.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { readAndParsePage, type PageOutcome, type ReadParseClock } from "./read-and-parse-page.js";

/** One worker beside this thread when the machine has a second core; none otherwise. */
export function defaultParseThreads(): number {
  return availableParallelism() > 1 ? 1 : 0;
}

export interface ReadPagesOptions {
  /** Worker threads to parse in besides this one: 0 parses here only; more than 1 counts as 1. */
  readonly threads: number;
  /** Called in this thread between two pages it parsed (the heap budget settles there). */
  readonly between?: () => void;
}

export interface ReadPagesResult {
  /** One per file, in the order given. */
  readonly outcomes: PageOutcome[];
  /** This thread's time reading pages, and parsing them or waiting for the worker's. */
  readonly readMs: number;
  readonly parseMs: number;
  /** Pages the worker read and parsed (0 when this thread did all). */
  readonly workerPages: number;
}

/** Each worker's old-generation heap: several times what the largest real page needs. */
const WORKER_HEAP_MB = 96;

/** Fewer pages than this are parsed here: the worker's start (~0.3 s) would cost more. */
const MIN_PAGES_FOR_WORKER = 8;

export async function readPagesInParallel(
  files: readonly string[],
  options: ReadPagesOptions,
): Promise<ReadPagesResult> {
  const clock: ReadParseClock = { readMs: 0, parseMs: 0 };
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const outcomes = files.map((): PageOutcome | undefined => undefined);
  const helper =
    options.threads > 0 && files.length >= MIN_PAGES_FOR_WORKER
      ? startHelper(files, next, outcomes)
      : undefined;
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    if (index >= files.length) break;
    outcomes[index] = readAndParsePage(files[index] as string, clock);
    options.between?.();
  }
  // Every page is claimed now: what is still missing, the worker holds.
  const waitStarted = performance.now();
  const workerPages = helper === undefined ? 0 : await helper.finish();
  clock.parseMs += performance.now() - waitStarted;
  // Pages the worker claimed but never answered (it failed) are parsed here.
  for (const [index, file] of files.entries()) {
    outcomes[index] ??= readAndParsePage(file, clock);
  }
  return {
    outcomes: outcomes as PageOutcome[],
    readMs: clock.readMs,
    parseMs: clock.parseMs,
    workerPages,
  };
}

interface Helper {
  /**
   * Resolves once every page the worker claimed is answered, or once it failed; stops it and
   * says how many pages it answered.
   */
  finish(): Promise<number>;
}

function startHelper(
  files: readonly string[],
  next: Int32Array,
  outcomes: (PageOutcome | undefined)[],
): Helper | undefined {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./parse-worker.mjs", import.meta.url), {
      workerData: { files, next },
      // The worker registers its own TypeScript loader (parse-worker.mjs says why).
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
  } catch {
    return undefined;
  }
  let stopped = false;
  let missing = 0;
  let answered = 0;
  let wake: (() => void) | undefined;
  worker.on("message", ({ index, outcome }: { index: number; outcome: PageOutcome }) => {
    outcomes[index] = outcome;
    answered++;
    missing--;
    wake?.();
  });
  // A worker that cannot load or runs out of memory: its pages are parsed in this thread.
  const stop = () => {
    stopped = true;
    wake?.();
  };
  worker.on("error", stop);
  worker.on("exit", stop);
  return {
    async finish() {
      // Outcomes arrive only while this thread waits, i.e. from here on.
      missing = outcomes.filter((outcome) => outcome === undefined).length;
      while (!stopped && missing > 0) await new Promise<void>((resolve) => (wake = resolve));
      await worker.terminate();
      return answered;
    },
  };
}
