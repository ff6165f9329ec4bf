/**
 * The write phase's refusal: some folder under `--out` that the run would replace or delete is
 * not tcgen's (see folder-mark.ts). Thrown before anything is written, so the output folder is
 * left exactly as it was; the CLI prints the diagnostics and exits 1.
 */
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";

export class OutFolderRefusedError extends Error {
  /** One TCG080 per refused folder, positioned at the folder. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => `${d.position.file}: ${d.message}`).join("\n"));
    this.name = "OutFolderRefusedError";
    this.diagnostics = diagnostics;
  }
}

/** The diagnostic for `outDir/name`, which `reason` says is not tcgen's. */
export function refusedFolder(outDir: string, name: string, reason: string): Diagnostic {
  return diagnose("TCG080", { file: `${outDir}/${name}`, line: 1, column: 1 }, { reason, outDir });
}
