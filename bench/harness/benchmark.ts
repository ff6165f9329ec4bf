/** The shape every benchmark module has: a name and a run that returns its table rows. */
import type { BenchRow } from "./row.js";

interface BenchContext {
  /** Fewer rounds and smaller batches (`npm run bench -- --quick`), for a fast look. */
  readonly quick: boolean;
  /** Folder of pages for the generate and memory rows (default ../shared/corpus). */
  readonly corpusDir: string;
  /** Progress lines go here (stderr), never into the table. */
  readonly log: (line: string) => void;
}

export interface Benchmark {
  readonly name: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}
