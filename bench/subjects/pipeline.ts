/** The generator's own pipeline (generator/pipeline.ts), loaded lazily so a missing phase is a row note. */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { PipelineOptions, PipelineResult } from "../../generator/pipeline.js";
import { REPO_ROOT } from "./ours.js";

export async function loadRunPipeline(): Promise<
  (options: PipelineOptions) => Promise<PipelineResult>
> {
  const module = (await import(
    pathToFileURL(path.join(REPO_ROOT, "generator", "pipeline.ts")).href
  )) as { runPipeline: (options: PipelineOptions) => Promise<PipelineResult> };
  return module.runPipeline;
}
