/**
 * The code under test: the generated DTS package (generated/dts), imported from its TypeScript
 * sources (tsx runs the benchmarks), and its runtime copy. Every loader fails with a sentence
 * saying what is missing, which becomes the row's note.
 */
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const GENERATED_DTS = path.join(REPO_ROOT, "generated", "dts");
const DTS_V20180330_INDEX = path.join(GENERATED_DTS, "src", "v20180330", "index.ts");

async function importFile<T>(file: string, what: string): Promise<T> {
  if (!existsSync(file)) throw new Error(`${what} not found at ${path.relative(REPO_ROOT, file)}`);
  return (await import(pathToFileURL(file).href)) as T;
}

export interface OurSigner {
  signTc3(input: {
    secretId: string;
    secretKey: string;
    service: string;
    host: string;
    timestamp: number;
    contentType: string;
    payload: string;
  }): { authorization: string };
}

export interface OurJson {
  serializeRequestBody(value: unknown): string;
}

/** The runtime shipped in generated/dts (falls back to templates/runtime before generation). */
export async function loadOurRuntime(): Promise<{
  signer: OurSigner;
  json: OurJson;
  from: string;
}> {
  const generated = path.join(GENERATED_DTS, "src", "runtime");
  const dir = existsSync(path.join(generated, "signer.ts"))
    ? generated
    : path.join(REPO_ROOT, "templates", "runtime");
  const signer = await importFile<OurSigner>(path.join(dir, "signer.ts"), "runtime signer");
  const json = await importFile<OurJson>(path.join(dir, "json.ts"), "runtime json");
  return { signer, json, from: path.relative(REPO_ROOT, dir) };
}

interface OurValidator {
  validate(value: unknown): { ok: boolean; issues?: readonly { message: string }[] };
}

export interface OurDtsModule {
  DtsClient: new (options: {
    region: string;
    credentials: { secretId: string; secretKey: string };
    endpoint?: string;
    rateLimit?: false;
    maxAttempts?: number;
  }) => {
    modifyMigrateJob(request: unknown): Promise<{ RequestId?: string }>;
  };
  validateModifyMigrateJobRequest: OurValidator;
}

/** `@tcgen/dts/v20180330` from its sources. */
export async function loadOurDts(): Promise<OurDtsModule> {
  return importFile<OurDtsModule>(DTS_V20180330_INDEX, "generated DTS package (npm run generate)");
}
