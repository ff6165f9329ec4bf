/**
 * One side of `tcgen diff`: a recorded API file (`api.json`), a page, or a folder of pages. Pages
 * go through the same load/parse/check as `generate`, so a side means what the generated package
 * would expose.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/types.js";
import { runPipeline } from "../pipeline.js";
import type { ApiModel } from "./api-model.js";
import { modelFromIr } from "./model-from-ir.js";
import { parseRecord, RecordError, type ApiRecord } from "./record-file.js";

export interface DiffSide {
  readonly model: ApiModel;
  /** Set when the side is a recorded API: its package version is checked against the changes. */
  readonly record?: ApiRecord;
  readonly diagnostics: readonly Diagnostic[];
}

/** A side that cannot be read at all (exit 2: the arguments are wrong, not the docs). */
export class SideError extends Error {}

export async function loadSide(path: string): Promise<DiffSide> {
  if (!existsSync(path)) throw new SideError(`${path}: no such file or folder`);
  if (statSync(path).isFile() && path.endsWith(".json")) {
    try {
      const record = parseRecord(readFileSync(path, "utf8"), path);
      return { model: { services: [record.service] }, record, diagnostics: [] };
    } catch (error) {
      if (error instanceof RecordError) throw new SideError(error.message);
      throw error;
    }
  }
  const result = await runPipeline({ inputs: [path] });
  return { model: modelFromIr(result.ir), diagnostics: result.diagnostics };
}
