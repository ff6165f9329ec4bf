/**
 * One ModifyMigrateJob call, signed through the client with a pinned clock and a capturing
 * transport, plus a direct `signTc3` of the same body. The runtime is passed in, so the very same
 * code runs in Node (node:crypto signer) and bundled in Chromium (WebCrypto signer), and the two
 * results can be compared whole. Only types are imported here: nothing ties it to a platform.
 */
import type { ServiceClient, OperationDescriptor } from "../../templates/runtime/client.js";
import type { Clock } from "../../templates/runtime/clock.js";
import type { serializeRequestBody } from "../../templates/runtime/json.js";
import type { SignTc3Input, SignTc3Result } from "../../templates/runtime/signer.js";
import type { createValidator } from "../../templates/runtime/validation.js";

export interface ScenarioRuntime {
  readonly ServiceClient: typeof ServiceClient;
  readonly createValidator: typeof createValidator;
  readonly serializeRequestBody: typeof serializeRequestBody;
  /** Synchronous in Node, a promise in the browser build. */
  readonly signTc3: (input: SignTc3Input) => SignTc3Result | Promise<SignTc3Result>;
}

export interface ScenarioResult {
  /** Headers the client put on the wire. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly direct: SignTc3Result;
}

export const SCENARIO_KEYS = {
  secretId: "AKIDbrowserScenario01",
  secretKey: "scenario-secret-Kéy",
};
/** 2026-11-27T10:00:00.250Z: the timestamp is 1795773600. */
export const SCENARIO_NOW_MS = 1_795_773_600_250;

interface ModifyMigrateJobRequest {
  JobId: string;
  JobName?: string;
  DatabaseInfo?: string;
  [field: string]: unknown;
}

/** Non-ASCII of every width, and the characters the body serialiser escapes specially. */
export const SCENARIO_REQUEST: ModifyMigrateJobRequest = {
  JobId: "dts-r0xz8b2k",
  JobName: "迁移任务 😀 — Müller\u2028line\u00adsoft",
  SrcAccessType: "cdb",
  SrcInfo: { InstanceId: "cdb-c1nl9rpv", Region: "ap-guangzhou", Port: 3306 },
  DstAccessType: "cdb",
  DstInfo: { InstanceId: "cdb-jh5d0cjs", Region: "ap-guangzhou" },
  MigrateOption: {
    RunMode: 1,
    MigrateType: 2,
    MigrateObject: 2,
    ExpectTime: "2026-11-28 01:00:00",
  },
  DatabaseInfo: '[{"Database":"订单库","Table":["表一","table2"]}]',
};

const DTS = {
  service: "dts",
  version: "2018-03-30",
  host: "dts.tencentcloudapi.com",
  errors: { codes: {}, categories: {} },
};
const pinnedClock: Clock = { now: () => SCENARIO_NOW_MS, sleep: async () => undefined };

function modifyMigrateJob(
  runtime: ScenarioRuntime,
): OperationDescriptor<ModifyMigrateJobRequest, { RequestId: string }> {
  return {
    action: "ModifyMigrateJob",
    request: runtime.createValidator<ModifyMigrateJobRequest>(
      "ModifyMigrateJobRequest",
      (v) =>
        typeof v === "object" && v !== null && typeof (v as { JobId?: unknown }).JobId === "string",
      () => undefined,
    ),
  };
}

/** Signs through the client (captured, not sent) and directly; returns both. */
export async function signModifyMigrateJob(runtime: ScenarioRuntime): Promise<ScenarioResult> {
  let captured: { headers: Readonly<Record<string, string>>; body: string } | undefined;
  const client = new runtime.ServiceClient(DTS, {
    region: "ap-guangzhou",
    credentials: SCENARIO_KEYS,
    clock: pinnedClock,
    rateLimit: false,
    transport: {
      send: async (request) => {
        captured = { headers: request.headers, body: request.body };
        return { status: 200, headers: {}, body: '{"Response":{"RequestId":"req-browser-1"}}' };
      },
    },
  });
  const response = await client.send(modifyMigrateJob(runtime), SCENARIO_REQUEST);
  if (captured === undefined || response.RequestId !== "req-browser-1") {
    throw new Error("the client did not send the request through the capturing transport");
  }
  const direct = await runtime.signTc3({
    ...SCENARIO_KEYS,
    service: "dts",
    host: "dts.tencentcloudapi.com",
    timestamp: Math.floor(SCENARIO_NOW_MS / 1000),
    contentType: "application/json",
    payload: runtime.serializeRequestBody(SCENARIO_REQUEST),
  });
  return { headers: captured.headers, body: captured.body, direct };
}

/**
 * Sends the call over the platform's default transport (keep-alive node:http in Node, fetch in
 * the browser) to `endpoint`, a loopback URL; resolves with the RequestId it answered.
 */
export async function sendModifyMigrateJob(
  runtime: ScenarioRuntime,
  endpoint: string,
): Promise<string> {
  const client = new runtime.ServiceClient(DTS, {
    region: "ap-guangzhou",
    credentials: SCENARIO_KEYS,
    endpoint,
    clock: pinnedClock,
    rateLimit: false,
    maxAttempts: 1,
  });
  try {
    return (await client.send(modifyMigrateJob(runtime), SCENARIO_REQUEST)).RequestId;
  } finally {
    client.close();
  }
}
