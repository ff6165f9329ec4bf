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

export async function signModifyMigrateJob(runtime: ScenarioRuntime): Promise<ScenarioResult> {
  const operation: OperationDescriptor<ModifyMigrateJobRequest, { RequestId: string }> = {
    action: "ModifyMigrateJob",
    request: runtime.createValidator<ModifyMigrateJobRequest>(
      "ModifyMigrateJobRequest",
      (v) =>
        typeof v === "object" && v !== null && typeof (v as { JobId?: unknown }).JobId === "string",
      () => undefined,
    ),
  };
  const clock: Clock = { now: () => SCENARIO_NOW_MS, sleep: async () => undefined };
  let captured: { headers: Readonly<Record<string, string>>; body: string } | undefined;
  const client = new runtime.ServiceClient(
    {
      service: "dts",
      version: "2018-03-30",
      host: "dts.tencentcloudapi.com",
      errors: { codes: {}, categories: {} },
    },
    {
      region: "ap-guangzhou",
      credentials: SCENARIO_KEYS,
      clock,
      rateLimit: false,
      transport: {
        send: async (request) => {
          captured = { headers: request.headers, body: request.body };
          return { status: 200, headers: {}, body: '{"Response":{"RequestId":"req-browser-1"}}' };
        },
      },
    },
  );
  const response = await client.send(operation, SCENARIO_REQUEST);
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
