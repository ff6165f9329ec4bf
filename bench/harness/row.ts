/** One line of the benchmark table, as plain data (also written to bench/RESULTS.md). */

/** `>=`: ours/baseline must reach the value; `<=`: must stay under it; `report`: no target. */
export type Target =
  | { readonly kind: "at-least"; readonly value: number; readonly text: string }
  | { readonly kind: "at-most"; readonly value: number; readonly text: string }
  | { readonly kind: "report"; readonly text: string };

type RowStatus = "pass" | "miss" | "info" | "error";

export interface BenchRow {
  /** What is measured, as the table names it. */
  readonly row: string;
  /** Our figure, with its unit. */
  readonly ours: string;
  /** The other side's figure, prefixed with what it is ("floor", "official", "ajv"...). */
  readonly baseline: string;
  /** ours relative to baseline in the direction of the target; undefined when not measured. */
  readonly ratio: number | undefined;
  readonly target: Target;
  readonly status: RowStatus;
  /** Why a row failed or anything a reader must know to trust it. */
  readonly note?: string;
}

export const atLeast = (value: number, text = `>= ${value}x`): Target => ({
  kind: "at-least",
  value,
  text,
});
export const atMost = (value: number, text = `<= ${value}x`): Target => ({
  kind: "at-most",
  value,
  text,
});
export const reportOnly = (text = "reported"): Target => ({ kind: "report", text });

/** Builds a measured row, deciding pass/miss from the target. */
export function measuredRow(
  fields: Omit<BenchRow, "status"> & { readonly ratio: number },
): BenchRow {
  const { target, ratio } = fields;
  const status: RowStatus =
    target.kind === "report"
      ? "info"
      : (target.kind === "at-least" ? ratio >= target.value : ratio <= target.value)
        ? "pass"
        : "miss";
  return { ...fields, status };
}

/** A row that could not be measured (missing piece, failed correctness check, crash). */
export function errorRow(row: string, target: Target, reason: string): BenchRow {
  return { row, ours: "-", baseline: "-", ratio: undefined, target, status: "error", note: reason };
}
