/**
 * The package check (generator/cache/package-check.mjs) of a whole out folder on its own, for the
 * notes of the incremental rows: what checking every package folder against its record costs,
 * in a new worker thread (as a run starts it) and in this thread (warm, as a run finishing it),
 * and the floor under it: Node's bare lstat of every path the records list, nothing compared.
 */
import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { CACHE_DIR_NAME } from "../../generator/cache/cache-entry.js";
import { CACHE_FORMAT } from "../../generator/cache/generator-fingerprint.js";
import {
  checkClaimedPackages,
  recordedFolders,
  type PackageCheckInput,
  type PackageVerdicts,
} from "../../generator/cache/package-check.mjs";
import { MARK_FILE } from "../../generator/write/folder-mark.js";
import { median } from "../harness/measure.js";

const WORKER = new URL("../../generator/cache/package-check-worker.mjs", import.meta.url);

export interface PackageCheckCost {
  /** Median wall time of the whole check in a new worker thread, its start included. */
  readonly workerMs: number;
  /** Median wall time of the whole check in this thread. */
  readonly threadMs: number;
  /** Median wall time of a bare lstatSync of each listed file and folder in this thread. */
  readonly lstatMs: number;
  readonly folders: number;
  /** Files and folders the records list: one lstat each. */
  readonly entries: number;
}

/** Times the whole check `rounds` times each way; every folder must be found as recorded. */
export async function timePackageCheck(outDir: string, rounds = 3): Promise<PackageCheckCost> {
  const input: PackageCheckInput = {
    outDir,
    recordsDir: path.join(outDir, CACHE_DIR_NAME, "packages"),
    format: CACHE_FORMAT,
    markFile: MARK_FILE,
  };
  const folders = recordedFolders(input.recordsDir);
  const intactAll = (verdicts: PackageVerdicts) => {
    const intact = Object.keys(verdicts.intact).length;
    if (intact !== folders.length) {
      throw new Error(`the package check found ${intact} of ${folders.length} folders as recorded`);
    }
  };
  const paths = listedPaths(input, folders);
  const workerTimes: number[] = [];
  const threadTimes: number[] = [];
  const lstatTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    intactAll(await checkInWorker(input, folders));
    workerTimes.push(performance.now() - started);
    const here = performance.now();
    intactAll(checkClaimedPackages(input, folders, new Int32Array(1)));
    threadTimes.push(performance.now() - here);
    const bare = performance.now();
    for (const listed of paths) lstatSync(listed);
    lstatTimes.push(performance.now() - bare);
  }
  return {
    workerMs: median(workerTimes),
    threadMs: median(threadTimes),
    lstatMs: median(lstatTimes),
    folders: folders.length,
    entries: paths.length,
  };
}

/** Every file and folder path the records of `folders` list (what the check lstats). */
function listedPaths(input: PackageCheckInput, folders: readonly string[]): string[] {
  const paths: string[] = [];
  for (const folder of folders) {
    const file = path.join(input.recordsDir, `${folder}.json`);
    const record = JSON.parse(readFileSync(file, "utf8")) as Record<string, object>;
    const root = path.join(input.outDir, folder);
    const inPackage = [...Object.keys(record.folders ?? {}), ...Object.keys(record.files ?? {})];
    for (const entry of inPackage) paths.push(path.join(root, entry));
  }
  return paths;
}

async function checkInWorker(
  input: PackageCheckInput,
  folders: readonly string[],
): Promise<PackageVerdicts> {
  const claims = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER, { workerData: { input, folders, claims }, execArgv: [] });
  try {
    return await new Promise<PackageVerdicts>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the check's worker exited with ${code}`)));
    });
  } finally {
    await worker.terminate();
  }
}
