/**
 * The default credential chain for Node, in the official SDK's order:
 *
 * 1. the environment: TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY, TENCENTCLOUD_SESSION_TOKEN;
 * 2. the profile file: ~/.tencentcloud/credentials when it exists, else the system-wide
 *    /etc/tencentcloud/credentials (the files and order of `tencentcloud-sdk-nodejs-common`'s
 *    ProfileCredential: the first file that exists is the one read, so a user's file shadows the
 *    system one rather than mixing with it). INI format: `[profile]` sections with `secret_id`,
 *    `secret_key` and optionally `token`. The section is TENCENTCLOUD_PROFILE, else `default`.
 *
 * A browser build replaces this file with one that always throws (browsers must be given
 * credentials). `processEnvironment()` lives here too, since it is the other thing a browser
 * does not have.
 */
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import type { ExpiringCredentials } from "./credentials.js";
import { ConfigurationError } from "./errors.js";

export type Environment = Readonly<Record<string, string | undefined>>;

export interface DefaultChainInputs {
  readonly env?: Environment;
  /** The only profile file read; default: the first of `defaultProfilePaths()` that exists. */
  readonly profilePath?: string;
  /** Advanced/testing: the profile files tried in order (the first that exists is read). */
  readonly profilePaths?: readonly string[];
}

/** The official SDK's system-wide profile file, read when the user has none. */
export const SYSTEM_PROFILE_PATH = "/etc/tencentcloud/credentials";
export const DEFAULT_PROFILE = "default";

/** The environment the client reads (region, profile, debug switch, keys): `process.env`. */
export function processEnvironment(): Environment {
  return process.env;
}

/** ~/.tencentcloud/credentials, then /etc/tencentcloud/credentials. */
export function defaultProfilePaths(): readonly string[] {
  return [join(homedir(), ".tencentcloud", "credentials"), SYSTEM_PROFILE_PATH];
}

export function fromEnvironment(env: Environment): ExpiringCredentials | undefined {
  const secretId = env["TENCENTCLOUD_SECRET_ID"];
  const secretKey = env["TENCENTCLOUD_SECRET_KEY"];
  if (!secretId || !secretKey) return undefined;
  const token = env["TENCENTCLOUD_SESSION_TOKEN"];
  return token ? { secretId, secretKey, token } : { secretId, secretKey };
}

type Section = Readonly<Record<string, string>>;

/**
 * Every section of an INI-style credentials file, by name. Like the `ini` package the official
 * SDK uses: `#` and `;` start comments, keys and values are trimmed, a value in matching quotes
 * loses them, and a repeated section adds to the first.
 */
export function parseProfileSections(text: string): ReadonlyMap<string, Section> {
  const sections = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header !== null) {
      const name = (header[1] ?? "").trim();
      // No prototype: a `__proto__` or `constructor` line is a key like any other.
      current = sections.get(name) ?? (Object.create(null) as Record<string, string>);
      sections.set(name, current);
      continue;
    }
    const eq = line.indexOf("=");
    if (current === undefined || eq === -1) continue;
    current[line.slice(0, eq).trim()] = unquote(line.slice(eq + 1).trim());
  }
  return sections;
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted === null ? value : (quoted[2] ?? "");
}

/** The credentials of one profile (default `[default]`) of a credentials file, if complete. */
export function parseProfileFile(
  text: string,
  profile: string = DEFAULT_PROFILE,
): ExpiringCredentials | undefined {
  const section = parseProfileSections(text).get(profile);
  return section === undefined ? undefined : credentialsOf(section);
}

function credentialsOf(section: Section): ExpiringCredentials | undefined {
  const secretId = section["secret_id"];
  const secretKey = section["secret_key"];
  if (!secretId || !secretKey) return undefined;
  const token = section["token"];
  return token ? { secretId, secretKey, token } : { secretId, secretKey };
}

/** The first of `paths` that exists, with its text; undefined when none does. */
async function firstProfileFile(
  paths: readonly string[],
): Promise<{ path: string; text: string } | undefined> {
  for (const path of paths) {
    try {
      return { path, text: await readFile(path, "utf8") };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === "ENOENT" || code === "ENOTDIR") continue;
      throw new ConfigurationError(
        `The credentials file ${path} exists but cannot be read (${typeof code === "string" ? code : "read error"})`,
      );
    }
  }
  return undefined;
}

export function defaultCredentialChain(
  inputs: DefaultChainInputs = {},
): () => Promise<ExpiringCredentials> {
  return async () => {
    const env = inputs.env ?? process.env;
    const fromEnv = fromEnvironment(env);
    if (fromEnv !== undefined) return fromEnv;
    const named = env["TENCENTCLOUD_PROFILE"];
    const profile = named || DEFAULT_PROFILE;
    const shownProfile = `[${profile.slice(0, 64)}]${named ? " (TENCENTCLOUD_PROFILE)" : ""}`;
    const paths =
      inputs.profilePath !== undefined
        ? [inputs.profilePath]
        : (inputs.profilePaths ?? defaultProfilePaths());
    const file = await firstProfileFile(paths);
    if (file === undefined) {
      throw new ConfigurationError(
        "No credentials: pass `credentials`, set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, " +
          `or add secret_id and secret_key to the ${shownProfile} section of ${paths.join(" or ")} (none exists)`,
      );
    }
    const sections = parseProfileSections(file.text);
    const section = sections.get(profile);
    const credentials = section === undefined ? undefined : credentialsOf(section);
    if (credentials !== undefined) return credentials;
    const problem =
      section === undefined
        ? `has no ${shownProfile} section (sections: ${[...sections.keys()].map((s) => `[${s.slice(0, 64)}]`).join(", ") || "none"})`
        : `has no secret_id or no secret_key in its ${shownProfile} section`;
    throw new ConfigurationError(
      `No credentials: ${file.path} ${problem}; set TENCENTCLOUD_PROFILE to pick another section, ` +
        "or pass `credentials`, or set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY",
    );
  };
}
