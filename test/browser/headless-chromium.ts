/**
 * Finds and drives headless Chromium (Debian's `chromium` package) with no npm dependency: it
 * loads one URL with --dump-dom and returns the DOM it printed. --virtual-time-budget makes it
 * wait for the page's pending work (WebCrypto promises) before dumping.
 */
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const CANDIDATES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];

/** The Chromium binary: $CHROMIUM_BIN, else the first candidate on PATH; undefined if none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env["CHROMIUM_BIN"]) return env["CHROMIUM_BIN"];
  for (const dir of (env["PATH"] ?? "").split(path.delimiter)) {
    for (const name of CANDIDATES) {
      const file = path.join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export interface DumpedPage {
  readonly dom: string;
  /** Chromium's own log, for failure messages. */
  readonly stderr: string;
}

/** Loads `url` in a fresh headless profile and returns the DOM after the page settled. */
export async function dumpDom(chromium: string, url: string): Promise<DumpedPage> {
  const profile = await mkdtemp(path.join(tmpdir(), "tcgen-chromium-profile-"));
  const args = [
    "--headless",
    "--no-sandbox", // CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    `--user-data-dir=${profile}`,
    "--virtual-time-budget=10000",
    "--dump-dom",
    url,
  ];
  try {
    return await new Promise<DumpedPage>((resolve, reject) => {
      execFile(
        chromium,
        args,
        { timeout: 60_000, maxBuffer: 16 << 20 },
        (error, stdout, stderr) => {
          if (error !== null) {
            reject(new Error(`${chromium} failed (${error.message}); its log:\n${stderr}`));
          } else {
            resolve({ dom: stdout, stderr });
          }
        },
      );
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
