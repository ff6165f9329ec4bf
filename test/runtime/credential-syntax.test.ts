/**
 * Issue 10, finding 11: credentials are checked before anything is signed. A secretId with a
 * control character, whitespace or a comma (which would rewrite the Authorization header), or a
 * secretKey or token with a control character, is a `ConfigurationError`: raised when the client
 * is built for static keys, on the call for provider and environment keys, never retried, nothing
 * sent, and the message names the field but never carries the value.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Credentials } from "../../templates/runtime/credentials.js";
import { ConfigurationError } from "../../templates/runtime/errors.js";
import { join } from "node:path";
import { tmpdir } from "node:os";
import {
  modifyMigrateJob,
  rejectionOf,
  SECRET_ID,
  SECRET_KEY,
  SESSION_TOKEN,
  testClient,
} from "./client-harness.js";
import { FakeTencentServer } from "./fake-tencent-server.js";

/** Each bad value carries a marker, so a message that leaks the value is caught. */
const LEAK = "LEAKMARKER";
const badCredentials: [string, Credentials, string][] = [
  [
    "a newline in the secretId",
    { secretId: `${LEAK}\nX-Evil: 1`, secretKey: SECRET_KEY },
    "secretId",
  ],
  [
    "a comma in the secretId",
    { secretId: `${LEAK},SignedHeaders=host`, secretKey: SECRET_KEY },
    "secretId",
  ],
  ["a space in the secretId", { secretId: `${LEAK} x`, secretKey: SECRET_KEY }, "secretId"],
  ["a tab in the secretId", { secretId: `${LEAK}\tx`, secretKey: SECRET_KEY }, "secretId"],
  [
    "a no-break space in the secretId",
    { secretId: `${LEAK}\u00a0x`, secretKey: SECRET_KEY },
    "secretId",
  ],
  [
    "a carriage return in the secretKey",
    { secretId: SECRET_ID, secretKey: `${LEAK}\r` },
    "secretKey",
  ],
  ["a NUL in the secretKey", { secretId: SECRET_ID, secretKey: `${LEAK}\u0000` }, "secretKey"],
  ["a DEL in the secretKey", { secretId: SECRET_ID, secretKey: `${LEAK}\u007f` }, "secretKey"],
  [
    "a newline in the token",
    { secretId: SECRET_ID, secretKey: SECRET_KEY, token: `${LEAK}\nX-Evil: 1` },
    "token",
  ],
  [
    "an escape character in the token",
    { secretId: SECRET_ID, secretKey: SECRET_KEY, token: `${LEAK}\u001b[31m` },
    "token",
  ],
  [
    "a character no header can carry in the token",
    { secretId: SECRET_ID, secretKey: SECRET_KEY, token: `${LEAK}\u4e2d` },
    "token",
  ],
];

function expectRefusal(error: unknown, field: string): void {
  expect(error).toBeInstanceOf(ConfigurationError);
  const message = (error as Error).message;
  expect(message).toContain(`the ${field}`);
  expect(message).not.toContain(LEAK);
  expect(JSON.stringify(error)).not.toContain(LEAK);
  expect(String(error)).not.toContain(LEAK);
}

let server: FakeTencentServer;
beforeAll(async () => {
  server = await FakeTencentServer.start({ secretId: SECRET_ID, secretKey: SECRET_KEY });
});
beforeEach(() => server.reset());
afterAll(async () => {
  await server.close();
});

describe("static credentials", () => {
  it.each(badCredentials)(
    "with %s are refused when the client is built",
    (_c, credentials, field) => {
      let error: unknown;
      try {
        testClient({ endpoint: server.endpoint, credentials });
      } catch (caught) {
        error = caught;
      }
      expectRefusal(error, field);
    },
  );

  it.each([
    { secretId: SECRET_ID, secretKey: SECRET_KEY },
    {
      secretId: SECRET_ID,
      secretKey: "key with spaces, commas and ünïcode 中",
      token: SESSION_TOKEN,
    },
    { secretId: "AKID-x_y.z", secretKey: SECRET_KEY, token: "tok+/=é" },
  ])("that are usable are accepted: %o", (credentials) => {
    expect(() => testClient({ endpoint: server.endpoint, credentials }).close()).not.toThrow();
  });
});

describe("credentials from a provider", () => {
  it.each(badCredentials)(
    "with %s fail the call once, unretried, with nothing sent",
    async (_c, credentials, field) => {
      let asked = 0;
      const client = testClient({
        endpoint: server.endpoint,
        maxAttempts: 3,
        credentials: async () => {
          asked++;
          return credentials;
        },
      });
      const error = await rejectionOf(client.send(modifyMigrateJob, { JobId: "j" }));
      client.close();
      expectRefusal(error, field);
      expect(asked).toBe(1);
      expect(server.received).toHaveLength(0);
    },
  );
});

describe("credentials from the environment", () => {
  it.each([
    [{ TENCENTCLOUD_SECRET_ID: `${LEAK}\n`, TENCENTCLOUD_SECRET_KEY: SECRET_KEY }, "secretId"],
    [{ TENCENTCLOUD_SECRET_ID: `${LEAK},x`, TENCENTCLOUD_SECRET_KEY: SECRET_KEY }, "secretId"],
    [{ TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: `${LEAK}\n` }, "secretKey"],
    [
      {
        TENCENTCLOUD_SECRET_ID: SECRET_ID,
        TENCENTCLOUD_SECRET_KEY: SECRET_KEY,
        TENCENTCLOUD_SESSION_TOKEN: `${LEAK}\r\n`,
      },
      "token",
    ],
  ])("%o fail the call, unretried, with nothing sent", async (env, field) => {
    const client = testClient({
      endpoint: server.endpoint,
      maxAttempts: 3,
      credentials: undefined,
      env,
      profilePath: join(tmpdir(), "tcgen-absent-profile"),
    });
    const error = await rejectionOf(client.send(modifyMigrateJob, { JobId: "j" }));
    client.close();
    expectRefusal(error, field);
    expect(server.received).toHaveLength(0);
  });
});
