/**
 * The default credential chain for Node: the environment (TENCENTCLOUD_SECRET_ID,
 * TENCENTCLOUD_SECRET_KEY, TENCENTCLOUD_SESSION_TOKEN), then the profile file
 * ~/.tencentcloud/credentials (section [default], keys secret_id and secret_key). A browser
 * build replaces this file with one that always throws (browsers must be given credentials).
 */
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import type { ExpiringCredentials } from "./credentials.js";
import { ConfigurationError } from "./errors.js";

export interface DefaultChainInputs {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Path of the profile file; defaults to ~/.tencentcloud/credentials. */
  readonly profilePath?: string;
}

export function fromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): ExpiringCredentials | undefined {
  const secretId = env["TENCENTCLOUD_SECRET_ID"];
  const secretKey = env["TENCENTCLOUD_SECRET_KEY"];
  if (!secretId || !secretKey) return undefined;
  const token = env["TENCENTCLOUD_SESSION_TOKEN"];
  return token ? { secretId, secretKey, token } : { secretId, secretKey };
}

/** Reads the `[default]` section of an INI-style credentials file. */
export function parseProfileFile(text: string): ExpiringCredentials | undefined {
  let section = "";
  // No prototype: a `__proto__` or `constructor` line is a key like any other.
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header !== null) {
      section = (header[1] ?? "").trim();
      continue;
    }
    const eq = line.indexOf("=");
    if (section !== "default" || eq === -1) continue;
    values[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  const secretId = values["secret_id"];
  const secretKey = values["secret_key"];
  if (!secretId || !secretKey) return undefined;
  const token = values["token"];
  return token ? { secretId, secretKey, token } : { secretId, secretKey };
}

export function defaultCredentialChain(
  inputs: DefaultChainInputs = {},
): () => Promise<ExpiringCredentials> {
  return async () => {
    const fromEnv = fromEnvironment(inputs.env ?? process.env);
    if (fromEnv !== undefined) return fromEnv;
    const path = inputs.profilePath ?? join(homedir(), ".tencentcloud", "credentials");
    let text: string | undefined;
    try {
      text = await readFile(path, "utf8");
    } catch {
      text = undefined;
    }
    const fromProfile = text === undefined ? undefined : parseProfileFile(text);
    if (fromProfile !== undefined) return fromProfile;
    throw new ConfigurationError(
      "No credentials: pass `credentials`, set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, " +
        `or add secret_id and secret_key to the [default] section of ${path}`,
    );
  };
}
