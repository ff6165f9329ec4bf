/**
 * Named profiles in the default credential chain (issue 13): TENCENTCLOUD_PROFILE picks the
 * section, and the files are the official Node SDK's, in its order: ~/.tencentcloud/credentials
 * when it exists, else /etc/tencentcloud/credentials. HOME points at a temporary folder per test.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  defaultCredentialChain,
  defaultProfilePaths,
  parseProfileFile,
  SYSTEM_PROFILE_PATH,
} from "../../templates/runtime/default-credentials.js";
import { ConfigurationError } from "../../templates/runtime/errors.js";

let home: string;
const savedHome = process.env["HOME"];
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "tcgen-home-"));
  process.env["HOME"] = home;
});
afterEach(async () => {
  if (savedHome === undefined) delete process.env["HOME"];
  else process.env["HOME"] = savedHome;
  await rm(home, { recursive: true, force: true });
});

const PROFILES = [
  "[default]",
  "secret_id = DEFAULT_ID",
  "secret_key = default-key",
  "",
  "[prod]",
  'secret_id = "PROD_ID"',
  "secret_key = prod-key",
  "token = prod-token",
].join("\n");

async function writeHomeProfile(text: string): Promise<string> {
  await mkdir(join(home, ".tencentcloud"));
  const path = join(home, ".tencentcloud", "credentials");
  await writeFile(path, text);
  return path;
}

async function failure(chain: () => Promise<unknown>): Promise<ConfigurationError> {
  const error = await chain().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigurationError);
  return error as ConfigurationError;
}

describe("the profile files", () => {
  it("are the official SDK's: the user's under HOME, then the system-wide one", () => {
    expect(SYSTEM_PROFILE_PATH).toBe("/etc/tencentcloud/credentials");
    expect(defaultProfilePaths()).toEqual([
      join(home, ".tencentcloud", "credentials"),
      SYSTEM_PROFILE_PATH,
    ]);
  });

  it("reads ~/.tencentcloud/credentials by default ([default] section)", async () => {
    await writeHomeProfile(PROFILES);
    expect(await defaultCredentialChain({ env: {} })()).toEqual({
      secretId: "DEFAULT_ID",
      secretKey: "default-key",
    });
  });

  it("TENCENTCLOUD_PROFILE picks another section (quotes removed, token read)", async () => {
    await writeHomeProfile(PROFILES);
    expect(await defaultCredentialChain({ env: { TENCENTCLOUD_PROFILE: "prod" } })()).toEqual({
      secretId: "PROD_ID",
      secretKey: "prod-key",
      token: "prod-token",
    });
  });

  it("environment keys still come first, as in the official chain", async () => {
    await writeHomeProfile(PROFILES);
    const env = {
      TENCENTCLOUD_PROFILE: "prod",
      TENCENTCLOUD_SECRET_ID: "E",
      TENCENTCLOUD_SECRET_KEY: "e",
    };
    expect(await defaultCredentialChain({ env })()).toEqual({ secretId: "E", secretKey: "e" });
  });

  it("falls back to the system-wide file when the user has none", async () => {
    const system = join(home, "etc-credentials");
    await writeFile(system, "[default]\nsecret_id = SYSTEM\nsecret_key = s\n");
    const paths = [join(home, ".tencentcloud", "credentials"), system];
    expect(await defaultCredentialChain({ env: {}, profilePaths: paths })()).toEqual({
      secretId: "SYSTEM",
      secretKey: "s",
    });
  });

  it("the user's file shadows the system one, like the official SDK (no mixing)", async () => {
    const user = await writeHomeProfile("[default]\nsecret_id = USER\nsecret_key = u\n");
    const system = join(home, "etc-credentials");
    await writeFile(system, "[prod]\nsecret_id = SYSTEM\nsecret_key = s\n");
    const chain = defaultCredentialChain({
      env: { TENCENTCLOUD_PROFILE: "prod" },
      profilePaths: [user, system],
    });
    const error = await failure(chain);
    expect(error.message).toContain(user);
    expect(error.message).toContain(
      "no [prod] (TENCENTCLOUD_PROFILE) section (sections: [default])",
    );
  });

  it("a named profile with a missing key, or no file at all, is explained", async () => {
    const user = await writeHomeProfile("[prod]\nsecret_id = P\n");
    const incomplete = await failure(
      defaultCredentialChain({ env: { TENCENTCLOUD_PROFILE: "prod" } }),
    );
    expect(incomplete.message).toContain(`${user} has no secret_id or no secret_key in its [prod]`);
    const none = await failure(
      defaultCredentialChain({ env: {}, profilePaths: [join(home, "a"), join(home, "b")] }),
    );
    expect(none.message).toContain(`${join(home, "a")} or ${join(home, "b")} (none exists)`);
  });

  it("a profile path that cannot be read is a ConfigurationError, not a silent skip", async () => {
    await mkdir(join(home, "folder"));
    const error = await failure(
      defaultCredentialChain({ env: {}, profilePath: join(home, "folder") }),
    );
    expect(error.message).toContain("exists but cannot be read (EISDIR)");
  });

  it("never shows a key in its messages", async () => {
    await writeHomeProfile("[prod]\nsecret_id = VISIBLE_ID\nsecret_key = HIDDEN-KEY\n");
    const error = await failure(defaultCredentialChain({ env: { TENCENTCLOUD_PROFILE: "other" } }));
    expect(error.message).not.toContain("HIDDEN-KEY");
    expect(error.message).not.toContain("VISIBLE_ID");
  });
});

describe("parseProfileFile with a profile name", () => {
  it("reads the named section, and a repeated section adds to the first", () => {
    const text = "[a]\nsecret_id = A\n[b]\nsecret_id = B\nsecret_key = b\n[a]\nsecret_key = 'a'\n";
    expect(parseProfileFile(text, "a")).toEqual({ secretId: "A", secretKey: "a" });
    expect(parseProfileFile(text, "b")).toEqual({ secretId: "B", secretKey: "b" });
    expect(parseProfileFile(text, "c")).toBeUndefined();
  });
});
