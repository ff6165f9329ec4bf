import type { SourcePosition } from "../ir/types.js";

/**
 * How bad a diagnostic is. `--strict` turns every warning into an error; an `info` says what tcgen
 * found or did (e.g. a paginated list) and never fails a run.
 */
export type Severity = "error" | "warning" | "info";

/**
 * One problem found in the docs, as plain data (JSON-serialisable).
 * `message` always says what tcgen did about the problem.
 */
export interface Diagnostic {
  /** Stable code from the catalogue, e.g. "TCG101". */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly position: SourcePosition;
}
