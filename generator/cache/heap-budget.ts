/**
 * Keeps the heap near what a run really holds. A long run allocates far more than it keeps (each
 * page's Markdown tree, each package's printed text), and V8 lets garbage grow to several times
 * the live heap before a full collection: a generate run over 2,000 pages held about 90 MB live
 * yet reached 600 MB RSS that way. Calling `settle()` between units of work (a page, a package)
 * collects once the heap has grown by `slackBytes` over what the last collection left, so peak
 * memory is the live data plus that slack, whatever the number of pages. When the collector cannot
 * be reached, settle() does nothing and V8 decides as usual.
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export interface HeapBudget {
  /** Collects if the heap has grown by the slack since the last collection. */
  settle(): void;
  /** Collects now: after a phase whose data are all garbage (parsing), before the next begins. */
  collect(): void;
}

/** Growth over the live heap allowed before a collection: a few packages' worth of garbage. */
const DEFAULT_SLACK_BYTES = 64 * 1024 * 1024;

/** collect(): at most this many collections, each only while the last released this much. */
const MAX_COMPACTING_ROUNDS = 4;
const WORTH_ANOTHER_ROUND_BYTES = 8 * 1024 * 1024;

let collect: (() => void) | undefined | null;

/** The collector, exposed for this process (once); null when unavailable. */
function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    const existing = (globalThis as { gc?: () => void }).gc;
    if (typeof existing === "function") {
      collect = existing;
    } else {
      // Exposes gc to contexts created from now on, without exposing it to the program's own.
      setFlagsFromString("--expose-gc");
      const gc: unknown = runInNewContext("gc");
      collect = typeof gc === "function" ? (gc as () => void) : null;
    }
  } catch {
    collect = null;
  }
  return collect;
}

export function heapBudget(slackBytes: number = DEFAULT_SLACK_BYTES): HeapBudget {
  const gc = collector();
  if (gc === null) return { settle: () => {}, collect: () => {} };
  let limit = getHeapStatistics().used_heap_size + slackBytes;
  const collectOnce = () => {
    gc();
    limit = getHeapStatistics().used_heap_size + slackBytes;
  };
  return {
    settle() {
      if (getHeapStatistics().used_heap_size >= limit) collectOnce();
    },
    collect() {
      // One collection frees the garbage but compacts only some of the pages it leaves sparse, and
      // V8 keeps the rest committed; each further collection compacts more. Repeated while the
      // heap still shrinks: after parsing corpus x15, 185 -> 111 MB committed for 166 ms (the
      // corpus: 38 ms), and that run's peak RSS 410 -> 389 MB.
      let total = getHeapStatistics().total_heap_size;
      for (let round = 0; round < MAX_COMPACTING_ROUNDS; round++) {
        collectOnce();
        const now = getHeapStatistics().total_heap_size;
        if (total - now < WORTH_ANOTHER_ROUND_BYTES) break;
        total = now;
      }
    },
  };
}
