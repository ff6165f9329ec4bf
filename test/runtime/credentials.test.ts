import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  cachingProvider,
  CREDENTIAL_REFRESH_MARGIN_MS,
  type ExpiringCredentials,
} from "../../templates/runtime/credentials.js";
import {
  defaultCredentialChain,
  fromEnvironment,
  parseProfileFile,
} from "../../templates/runtime/default-credentials.js";
import { ConfigurationError } from "../../templates/runtime/errors.js";
import {
  expectNoSecretsLeaked,
  FakeClock,
  modifyMigrateJob,
  rejectionOf,
  SECRET_ID,
  SECRET_KEY,
  SESSION_TOKEN,
  testClient,
} from "./client-harness.js";
import { FakeTencentServer } from "./fake-tencent-server.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tcgen-credentials-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("fromEnvironment", () => {
  it.each([
    { env: {}, want: undefined },
    { env: { TENCENTCLOUD_SECRET_ID: "id" }, want: undefined },
    { env: { TENCENTCLOUD_SECRET_ID: "id", TENCENTCLOUD_SECRET_KEY: "" }, want: undefined },
    {
      env: { TENCENTCLOUD_SECRET_ID: "id", TENCENTCLOUD_SECRET_KEY: "key" },
      want: { secretId: "id", secretKey: "key" },
    },
    {
      env: {
        TENCENTCLOUD_SECRET_ID: "id",
        TENCENTCLOUD_SECRET_KEY: "key",
        TENCENTCLOUD_SESSION_TOKEN: "tok",
      },
      want: { secretId: "id", secretKey: "key", token: "tok" },
    },
  ])("$env", ({ env, want }) => {
    expect(fromEnvironment(env)).toEqual(want);
  });
});

describe("parseProfileFile", () => {
  it.each([
    {
      name: "default section",
      text: "[default]\nsecret_id = AKID1\nsecret_key = k1\n",
      want: { secretId: "AKID1", secretKey: "k1" },
    },
    {
      name: "CRLF and comments",
      text: "# c\r\n[default]\r\n; c\r\nsecret_id=AKID1\r\nsecret_key=k=1\r\n",
      want: { secretId: "AKID1", secretKey: "k=1" },
    },
    {
      name: "other profile ignored",
      text: "[prod]\nsecret_id = P\nsecret_key = p\n[default]\nsecret_id = D\nsecret_key = d\n",
      want: { secretId: "D", secretKey: "d" },
    },
    {
      name: "only another profile",
      text: "[prod]\nsecret_id = P\nsecret_key = p\n",
      want: undefined,
    },
    { name: "missing key", text: "[default]\nsecret_id = D\n", want: undefined },
  ])("$name", ({ text, want }) => {
    expect(parseProfileFile(text)).toEqual(want);
  });
});

describe("defaultCredentialChain", () => {
  it("prefers the environment over the profile file", async () => {
    const profilePath = join(dir, "both");
    await writeFile(profilePath, "[default]\nsecret_id = FILE\nsecret_key = file\n");
    const chain = defaultCredentialChain({
      env: { TENCENTCLOUD_SECRET_ID: "ENV", TENCENTCLOUD_SECRET_KEY: "env" },
      profilePath,
    });
    expect(await chain()).toEqual({ secretId: "ENV", secretKey: "env" });
  });

  it("falls back to the profile file", async () => {
    const profilePath = join(dir, "file-only");
    await writeFile(profilePath, "[default]\nsecret_id = FILE\nsecret_key = file\n");
    expect(await defaultCredentialChain({ env: {}, profilePath })()).toEqual({
      secretId: "FILE",
      secretKey: "file",
    });
  });

  it("explains where it looked when nothing is found", async () => {
    const error = await defaultCredentialChain({
      env: {},
      profilePath: join(dir, "absent"),
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain("TENCENTCLOUD_SECRET_ID");
    expect((error as Error).message).toContain(join(dir, "absent"));
  });
});

describe("cachingProvider", () => {
  it("asks again only when the credentials are about to expire", async () => {
    const clock = new FakeClock();
    let calls = 0;
    const provider = async (): Promise<ExpiringCredentials> => {
      calls++;
      return { secretId: `id-${calls}`, secretKey: "k", expiresAt: clock.time + 10 * 60_000 };
    };
    const get = cachingProvider(provider, clock.now);
    expect((await get()).secretId).toBe("id-1");
    clock.time += 10 * 60_000 - CREDENTIAL_REFRESH_MARGIN_MS - 1;
    expect((await get()).secretId).toBe("id-1");
    clock.time += 1;
    expect((await get()).secretId).toBe("id-2");
    expect(calls).toBe(2);
  });

  it("shares one pending call among concurrent requests", async () => {
    let calls = 0;
    const get = cachingProvider(async () => {
      calls++;
      return { secretId: "a", secretKey: "b" };
    }, Date.now);
    await Promise.all([get(), get(), get()]);
    expect(calls).toBe(1);
  });

  it("rejects empty keys", async () => {
    const get = cachingProvider(async () => ({ secretId: "", secretKey: "b" }), Date.now);
    await expect(get()).rejects.toBeInstanceOf(ConfigurationError);
  });
});

describe("the client's credential sources", () => {
  let server: FakeTencentServer;
  let clock: FakeClock;
  beforeAll(async () => {
    server = await FakeTencentServer.start({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      now: () => clock.now(),
    });
  });
  beforeEach(() => {
    server.reset();
    clock = new FakeClock();
  });
  afterAll(async () => {
    await server.close();
    expectNoSecretsLeaked();
  });

  it("defaults to the environment", async () => {
    const client = testClient({
      endpoint: server.endpoint,
      clock,
      credentials: undefined,
      env: {
        TENCENTCLOUD_SECRET_ID: SECRET_ID,
        TENCENTCLOUD_SECRET_KEY: SECRET_KEY,
        TENCENTCLOUD_SESSION_TOKEN: SESSION_TOKEN,
      },
      profilePath: join(dir, "absent"),
    });
    await client.send(modifyMigrateJob, { JobId: "j" });
    client.close();
    expect(server.received[0]!.signature.ok).toBe(true);
    expect(server.received[0]!.headers["x-tc-token"]).toBe(SESSION_TOKEN);
  });

  it("then the profile file", async () => {
    const profilePath = join(dir, "client-profile");
    await writeFile(
      profilePath,
      `[default]\nsecret_id = ${SECRET_ID}\nsecret_key = ${SECRET_KEY}\n`,
    );
    const client = testClient({
      endpoint: server.endpoint,
      clock,
      credentials: undefined,
      env: {},
      profilePath,
    });
    await client.send(modifyMigrateJob, { JobId: "j" });
    client.close();
    expect(server.received[0]!.signature.ok).toBe(true);
  });

  it("fails without sending when there are none, and never prints a secret", async () => {
    const client = testClient({
      endpoint: server.endpoint,
      clock,
      credentials: undefined,
      env: {},
      profilePath: join(dir, "absent"),
    });
    const error = await rejectionOf(client.send(modifyMigrateJob, { JobId: "j" }));
    client.close();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(server.received).toHaveLength(0);
  });

  it("asks an async provider again when its credentials expire", async () => {
    const issued: number[] = [];
    const client = testClient({
      endpoint: server.endpoint,
      clock,
      credentials: async () => {
        issued.push(clock.time);
        return {
          secretId: SECRET_ID,
          secretKey: SECRET_KEY,
          token: SESSION_TOKEN,
          expiresAt: new Date(clock.time + 5 * 60_000),
        };
      },
    });
    await client.send(modifyMigrateJob, { JobId: "j" });
    await client.send(modifyMigrateJob, { JobId: "j" });
    clock.time += 5 * 60_000;
    await client.send(modifyMigrateJob, { JobId: "j" });
    client.close();
    expect(issued).toHaveLength(2);
    expect(server.received.every((r) => r.signature.ok)).toBe(true);
  });
});
