/**
 * Incremental generation: when the input pages, the generator and the out folder are all exactly
 * as a previous run left them, that run's result is replayed and load/parse/check/emit/print/write
 * are skipped. Anything else (a changed, added or removed page or generator file, a touched or
 * extra output file, a missing or corrupt cache) runs every phase. `--check` runs read the cache
 * but never write it (a check must not modify the out folder).
 */
import type { CacheOutcome, PipelineOptions, PipelineResult } from "../pipeline-types.js";
import {
  readManifest,
  readResult,
  sameOutput,
  snapshotOutput,
  writeEntry,
  type CachedResult,
} from "./cache-entry.js";
import { CACHE_FORMAT, generatorFingerprint } from "./generator-fingerprint.js";
import { recordedHashes } from "./package-cache.js";
import { computeRunKey } from "./run-key.js";

export interface OutputCacheOptions {
  /** The generator's fingerprint; defaults to `generatorFingerprint()` of this checkout. */
  readonly generator?: string;
}

/**
 * What a run gets from the cache layer for the finer caches (pages, packages): the generator
 * fingerprint and the hash of every input file, already read for the run key.
 */
export interface RunCacheContext {
  readonly generator: string;
  readonly fileHashes?: ReadonlyMap<string, string>;
}

export async function runWithOutputCache(
  options: PipelineOptions & { readonly outDir: string },
  runAllPhases: (options: PipelineOptions, context: RunCacheContext) => Promise<PipelineResult>,
  cacheOptions: OutputCacheOptions = {},
): Promise<PipelineResult & { readonly cache: CacheOutcome }> {
  const generator = cacheOptions.generator ?? generatorFingerprint();
  const runKey = computeRunKey({
    inputs: options.inputs,
    strict: options.strict ?? false,
    generator,
  });
  if (runKey === undefined) {
    return { ...(await runAllPhases(options, { generator })), cache: "uncacheable" };
  }
  const { key, fileHashes } = runKey;

  const replay = findReplayableRun(options.outDir, key);
  if (replay !== undefined) {
    return {
      ir: replay.ir,
      diagnostics: replay.diagnostics,
      failed: replay.failed,
      write: { changed: [], written: false },
      timings: [],
      cache: "hit",
    };
  }

  const result = await runAllPhases(options, { generator, fileHashes });
  if (options.check !== true) {
    // Files the package cache just recorded are not read again (generator/cache/package-cache.ts).
    const output = snapshotOutput(options.outDir, recordedHashes(options.outDir));
    if (output !== undefined) {
      const stored: CachedResult = {
        ir: result.ir,
        diagnostics: result.diagnostics,
        failed: result.failed,
      };
      try {
        writeEntry(options.outDir, { format: CACHE_FORMAT, key, output }, stored);
      } catch {
        // An unwritable cache only costs the next run its shortcut; the run itself succeeded.
      }
    }
  }
  return { ...result, cache: "miss" };
}

function findReplayableRun(outDir: string, key: string): CachedResult | undefined {
  const manifest = readManifest(outDir);
  if (manifest === undefined || manifest.key !== key) return undefined;
  const current = snapshotOutput(outDir, recordedHashes(outDir));
  if (current === undefined || !sameOutput(manifest.output, current)) return undefined;
  return readResult(outDir);
}
