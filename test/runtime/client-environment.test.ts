/**
 * What a service client takes from the environment (issue 13): the region from
 * TENCENTCLOUD_REGION, a clear ConfigurationError without any region (it was a TypeError reading
 * 'slice'), and the TENCENTCLOUD_SDK_DEBUG logger, whose lines carry request ids and no secrets.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ServiceClient, type ClientOptions } from "../../templates/runtime/client.js";
import { CoreClient } from "../../templates/runtime/client-core.js";
import { debugLogger } from "../../templates/runtime/debug-logger.js";
import { ConfigurationError } from "../../templates/runtime/errors.js";
import {
  dtsDescriptor,
  modifyMigrateJob,
  SECRET_ID,
  SECRET_KEY,
  SESSION_TOKEN,
} from "./client-harness.js";
import { FakeTencentServer } from "./fake-tencent-server.js";

const credentials = { secretId: SECRET_ID, secretKey: SECRET_KEY, token: SESSION_TOKEN };
let server: FakeTencentServer;
beforeAll(async () => {
  server = await FakeTencentServer.start({ secretId: SECRET_ID, secretKey: SECRET_KEY });
});
afterAll(() => server.close());

/** Sets process.env entries for one test; afterEach puts the old values back. */
const saved = new Map<string, string | undefined>();
function setEnv(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!saved.has(name)) saved.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}
afterEach(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  saved.clear();
  vi.restoreAllMocks();
});

function configurationError(build: () => unknown): ConfigurationError {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error("expected a ConfigurationError");
}

describe("region", () => {
  it("is a ConfigurationError naming TENCENTCLOUD_REGION when neither is given (from JavaScript)", () => {
    const error = configurationError(
      () => new ServiceClient(dtsDescriptor, { credentials, env: {} } as ClientOptions),
    );
    expect(error.message).toContain("No region");
    expect(error.message).toContain("TENCENTCLOUD_REGION");
  });

  it("comes from TENCENTCLOUD_REGION in process.env when the options have none", () => {
    setEnv({ TENCENTCLOUD_REGION: "ap-beijing" });
    const client = new ServiceClient(dtsDescriptor, { credentials });
    expect(client.region).toBe("ap-beijing");
  });

  it("from the options wins over the environment", () => {
    const client = new ServiceClient(dtsDescriptor, {
      region: "ap-shanghai",
      credentials,
      env: { TENCENTCLOUD_REGION: "ap-beijing" },
    });
    expect(client.region).toBe("ap-shanghai");
  });

  it("from the environment is validated like the option", () => {
    const error = configurationError(
      () =>
        new ServiceClient(dtsDescriptor, {
          credentials,
          env: { TENCENTCLOUD_REGION: "evil.example.com/x" },
        }),
    );
    expect(error.message).toContain("Invalid region");
  });

  it("on a bare client: ConfigurationError for a missing or non-string region, not a TypeError", () => {
    const missing = configurationError(
      () => new CoreClient(dtsDescriptor, { credentials } as never),
    );
    expect(missing.message).toContain("No region");
    expect(missing.message).not.toContain("TENCENTCLOUD_REGION"); // a bare client does not read it
    const wrongType = configurationError(
      () => new CoreClient(dtsDescriptor, { region: 42, credentials } as never),
    );
    expect(wrongType.message).toContain("expected a string");
  });

  it("options that are not an object are a ConfigurationError", () => {
    expect(
      configurationError(() => new ServiceClient(dtsDescriptor, undefined as never)).message,
    ).toContain("options object");
  });
});

describe("TENCENTCLOUD_SDK_DEBUG", () => {
  function debugClient(env: Readonly<Record<string, string | undefined>>): ServiceClient {
    return new ServiceClient(dtsDescriptor, {
      region: "ap-guangzhou",
      credentials,
      endpoint: server.endpoint,
      rateLimit: false,
      env,
    });
  }

  it("=1 logs each request and response to stderr, with the request id and no secrets", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: unknown) => void lines.push(String(line)));
    const client = debugClient({ TENCENTCLOUD_SDK_DEBUG: "1" });
    const result = await client.send(modifyMigrateJob, { JobId: "dts-1" });
    client.close();
    const response = lines.find((l) => l.includes("debug response"));
    expect(response).toContain(`"requestId":"${result.RequestId}"`);
    expect(response).toMatch(/^\[tcgen dts\] debug response \{/);
    expect(lines.some((l) => l.includes("debug request") && l.includes("ModifyMigrateJob"))).toBe(
      true,
    );
    expect(
      lines.some((l) => l.includes("debug client") && l.includes('"credentials":"options"')),
    ).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain(SECRET_KEY);
      expect(line).not.toContain(SESSION_TOKEN);
      expect(line).not.toContain("TC3-HMAC-SHA256");
    }
  });

  it("is off when unset or 0, and a given logger wins", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const env of [{}, { TENCENTCLOUD_SDK_DEBUG: "0" }]) {
      const client = debugClient(env);
      await client.send(modifyMigrateJob, { JobId: "dts-1" });
      client.close();
    }
    const own: string[] = [];
    const client = new ServiceClient(dtsDescriptor, {
      region: "ap-guangzhou",
      credentials,
      endpoint: server.endpoint,
      env: { TENCENTCLOUD_SDK_DEBUG: "1" },
      logger: { debug: (m) => own.push(m) },
    });
    await client.send(modifyMigrateJob, { JobId: "dts-1" });
    client.close();
    expect(spy).not.toHaveBeenCalled();
    expect(own).toEqual(["client", "request", "response"]);
  });

  it("writes only plain values: an object handed to it is never dumped", () => {
    const lines: string[] = [];
    debugLogger("dts", (l) => lines.push(l)).warn?.("x", {
      action: "A",
      attempt: 2,
      error: new Error(SECRET_KEY),
      headers: { Authorization: "TC3-HMAC-SHA256 Credential=..." },
    });
    expect(lines).toEqual(['[tcgen dts] warn x {"action":"A","attempt":2}']);
  });
});
