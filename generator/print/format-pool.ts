/**
 * Where prettier runs: in this thread, or in worker threads (format-worker.mjs) so that formatting
 * (TypeScript modules: what the print phase does not lay out itself) uses the machine's other
 * cores while this thread emits the next package. Either way the result is prettier's output for the same text and options, so the
 * choice never changes a byte.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { PRETTIER_OPTIONS, prettierFileNames } from "./prettier-options.js";

export interface TextFormatter {
  /** Prettier's output for `content`, with the parser that `fileName` implies. */
  format(fileName: string, content: string): Promise<string>;
  /** Number of worker threads (0: this thread). */
  readonly threads: number;
  /** Stops the workers (anything formatted later is formatted in this thread). */
  close(): Promise<void>;
}

/**
 * Workers worth starting: one per core besides this thread's (which emits the next package
 * meanwhile), at most 3; none on one core.
 */
export function defaultFormatThreads(): number {
  return Math.max(0, Math.min(availableParallelism() - 1, 3));
}

/**
 * Each worker's old-generation heap. Formatting one file keeps little alive, and a capped heap is
 * collected early instead of growing with garbage; a file too large for it fails that worker, and
 * its files and all later ones are formatted in this thread instead (same output, just slower).
 */
const WORKER_HEAP_MB = 96;

/**
 * Each worker's young generation. V8's default let a print worker's short-lived garbage (prettier's
 * documents, one file's worth) take ~40 MB more RSS than this; formatting the corpus's modules in
 * one worker: peak RSS 207-213 -> 167-173 MB, for ~10% more of the worker's CPU time (more
 * scavenges); 4 MB saved ~8 MB more but cost ~20%. The run's memory peaks while packages are
 * generated, when this worker is formatting.
 */
const WORKER_YOUNG_MB = 8;

export function createTextFormatter(threads: number): TextFormatter {
  return threads <= 0 ? inThisThread() : new WorkerPool(threads);
}

/**
 * Prettier is imported on the first file formatted here, not with this module: when workers format,
 * this thread never loads it (under tsx, loading it cost this thread about 45 MB RSS).
 */
function inThisThread(): TextFormatter {
  let prettier: Promise<typeof import("prettier")> | undefined;
  return {
    threads: 0,
    async format(fileName, content) {
      prettier ??= import("prettier");
      const { format } = await prettier;
      // Each name but the file's own (the last) is only a faster way to the same output.
      const names = prettierFileNames(fileName);
      for (const filepath of names.slice(0, -1)) {
        try {
          return await format(content, { ...PRETTIER_OPTIONS, filepath });
        } catch {
          // formatted under the next name
        }
      }
      return format(content, { ...PRETTIER_OPTIONS, filepath: fileName });
    },
    close: async () => {},
  };
}

interface Job {
  readonly fileName: string;
  readonly content: string;
  readonly resolve: (formatted: string) => void;
  readonly reject: (error: Error) => void;
}

/** Each worker gets at most this many files at a time, so the queue stays here, in order. */
const PER_WORKER = 2;

class WorkerPool implements TextFormatter {
  private readonly workers: { worker: Worker; busy: Map<number, Job> }[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private failed = false;
  private readonly fallback = inThisThread();

  constructor(readonly threads: number) {
    const url = new URL("./format-worker.mjs", import.meta.url);
    for (let i = 0; i < threads; i++) {
      // No execArgv: the worker is plain JavaScript and needs no TypeScript loader.
      const worker = new Worker(url, {
        workerData: { prettierOptions: PRETTIER_OPTIONS },
        execArgv: [],
        resourceLimits: {
          maxOldGenerationSizeMb: WORKER_HEAP_MB,
          maxYoungGenerationSizeMb: WORKER_YOUNG_MB,
        },
      });
      const slot = { worker, busy: new Map<number, Job>() };
      worker.on("message", (reply: { id: number; formatted?: string; error?: string }) => {
        const job = slot.busy.get(reply.id);
        slot.busy.delete(reply.id);
        if (job === undefined) return;
        if (reply.formatted !== undefined) job.resolve(reply.formatted);
        else job.reject(new Error(`prettier could not format ${job.fileName}: ${reply.error}`));
        this.dispatch();
      });
      worker.on("error", () => this.fail());
      worker.on("exit", () => this.fail());
      this.workers.push(slot);
    }
  }

  format(fileName: string, content: string): Promise<string> {
    if (this.failed) return this.fallback.format(fileName, content);
    return new Promise((resolve, reject) => {
      this.queue.push({ fileName, content, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.failed = true; // their exit is expected now, not a failure to recover from
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private dispatch(): void {
    for (const slot of this.workers) {
      while (slot.busy.size < PER_WORKER && this.queue.length > 0) {
        const job = this.queue.shift() as Job;
        const id = this.nextId++;
        slot.busy.set(id, job);
        const fileNames = prettierFileNames(job.fileName);
        slot.worker.postMessage({ id, fileNames, content: job.content });
      }
    }
  }

  /**
   * A worker that stopped (out of memory on a huge file, or crashed): every file it held and every
   * queued one is formatted in this thread instead, and so is everything after.
   */
  private fail(): void {
    if (this.failed) return;
    this.failed = true;
    const orphans = [...this.workers.flatMap((slot) => [...slot.busy.values()]), ...this.queue];
    for (const slot of this.workers) slot.busy.clear();
    this.queue.length = 0;
    for (const job of orphans) {
      this.fallback.format(job.fileName, job.content).then(job.resolve, job.reject);
    }
    void Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
