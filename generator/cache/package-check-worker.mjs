// The package check's worker thread (package-cache.ts starts it at the start of a run): checks
// recorded package folders (package-check.mjs), sharing the list with the run's thread, and posts
// its verdicts once the list is done.
import { parentPort, workerData } from "node:worker_threads";
import { checkClaimedPackages } from "./package-check.mjs";

const { input, folders, claims } = workerData;
const { intact, restat } = checkClaimedPackages(input, folders, claims);
parentPort.postMessage({ intact, restat });
