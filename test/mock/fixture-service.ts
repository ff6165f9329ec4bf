/**
 * A small hand-written service description for the mock's own tests, and a signed-request helper
 * that talks to the mock over real HTTP without the generated client (so the mock is tested on
 * its own).
 */
import { request as httpRequest } from "node:http";
import { signTc3 } from "../../templates/runtime/signer.js";
import type {
  MockServiceDescription,
  RequestIssue,
  RequestValidator,
} from "../../templates/mock/mock-api.js";
import { MOCK_CREDENTIALS } from "../../templates/mock/mock-api.js";

/**
 * Accepts objects whose JobId is a string and whose other keys are in `allowed`; an issue for any
 * other key carries `unknownKey`, as a generated validator's does.
 */
function jobRequestValidator(allowed: readonly string[]): RequestValidator {
  return {
    validate(value) {
      const issues: RequestIssue[] = [];
      const record = value as Record<string, unknown>;
      if (typeof record["JobId"] !== "string") issues.push({ message: "JobId: expected string" });
      for (const key of Object.keys(record)) {
        if (key !== "JobId" && !allowed.includes(key))
          issues.push({ message: `${key}: unknown key`, path: [key], unknownKey: true });
      }
      return issues.length === 0 ? { ok: true } : { ok: false, issues };
    },
  };
}

export const fixtureService: MockServiceDescription = {
  service: "dts",
  version: "2018-03-30",
  host: "dts.tencentcloudapi.com",
  extraHosts: ["dts.ap-shenzhen-fsi.tencentcloudapi.com"],
  actions: [
    {
      name: "DescribeMigrateJobs",
      request: jobRequestValidator(["Limit"]),
      examples: [
        {
          title: "first job",
          request: { JobId: "dts-1" },
          response: { TotalCount: 1, RequestId: "req-first" },
        },
        {
          title: "second job",
          request: { JobId: "dts-2", Limit: 5 },
          response: { TotalCount: 2, RequestId: "req-second" },
        },
      ],
      errors: [
        { code: "ResourceNotFound.JobNotExist", description: "The migration task does not exist." },
      ],
    },
    {
      name: "ModifyMigrateJob",
      request: jobRequestValidator(["JobName"]),
      examples: [],
      errors: [],
    },
  ],
  commonErrors: [{ code: "InternalError", description: "Internal error." }],
};

export interface SignedCall {
  readonly url: string;
  readonly action?: string;
  readonly version?: string;
  readonly host?: string;
  readonly service?: string;
  readonly body?: string;
  /** Seconds since the epoch; defaults to now. */
  readonly timestamp?: number;
  readonly secretId?: string;
  readonly secretKey?: string;
  /** Replaces the body after signing (to prove that tampering is detected). */
  readonly sentBody?: string;
  /** Signed and sent; defaults to "application/json; charset=utf-8". */
  readonly contentType?: string;
}

export interface CallResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
  readonly json: unknown;
}

/** Signs a POST application/json request with TC3 and sends it to the mock. */
export function sendSigned(call: SignedCall): Promise<CallResult> {
  const host = call.host ?? "dts.tencentcloudapi.com";
  const body = call.body ?? '{"JobId":"dts-1"}';
  const timestamp = call.timestamp ?? Math.floor(Date.now() / 1000);
  const contentType = call.contentType ?? "application/json; charset=utf-8";
  const signed = signTc3({
    secretId: call.secretId ?? MOCK_CREDENTIALS.secretId,
    secretKey: call.secretKey ?? MOCK_CREDENTIALS.secretKey,
    service: call.service ?? "dts",
    host,
    timestamp,
    contentType,
    payload: body,
  });
  const sentBody = call.sentBody ?? body;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      call.url,
      {
        method: "POST",
        headers: {
          host,
          "content-type": contentType,
          "content-length": Buffer.byteLength(sentBody),
          authorization: signed.authorization,
          "x-tc-action": call.action ?? "DescribeMigrateJobs",
          "x-tc-version": call.version ?? "2018-03-30",
          "x-tc-timestamp": String(timestamp),
          "x-tc-region": "ap-guangzhou",
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(sentBody);
  });
}

/** The `Response.Error.Code` of a Tencent error answer, or undefined for a success. */
export function errorCodeOf(result: CallResult): string | undefined {
  const response = (result.json as { Response?: { Error?: { Code?: string } } } | undefined)
    ?.Response;
  return response?.Error?.Code;
}
