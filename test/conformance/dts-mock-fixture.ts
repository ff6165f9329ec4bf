/**
 * The DTS ModifyMigrateJob service as the mock sees it, written from the seed page
 * (specs/dts/2018-03-30/ModifyMigrateJob.md): its parameters, its example and its error codes.
 * The conformance tests need only this one action; they do not depend on the generator, so they
 * keep working while it changes.
 */
import { isDeepStrictEqual } from "node:util";
import type { MockServiceDescription, RequestValidator } from "../../templates/mock/mock-api.js";

/** The page's "Example 1" request, parameters structured (MigrateOption.RunMode -> nested). */
export const modifyMigrateJobExample = {
  JobId: "dts-1kl0iy0v",
  JobName: "userdts",
  DatabaseInfo: '[{"Database":"test","Table":["user","log"]}]',
  MigrateOption: {
    RunMode: 1,
    MigrateType: 2,
    MigrateObject: 2,
    ConsistencyType: 5,
    IsOverrideRoot: 0,
  },
  DstInfo: { ReadOnly: 0 },
} as const;

export const modifyMigrateJobExampleResponse = {
  RequestId: "27ef2b7c-a786-48b4-9404-2f9baf3f4916",
};

const TOP_LEVEL = {
  JobId: "string",
  JobName: "string",
  MigrateOption: "object",
  SrcAccessType: "string",
  SrcInfo: "object",
  DstAccessType: "string",
  DstInfo: "object",
  DatabaseInfo: "string",
} as const;

/** Checks the top-level parameters of the page (names, required JobId, JSON types). */
const modifyMigrateJobRequest: RequestValidator = {
  validate(value) {
    const issues: { message: string }[] = [];
    const record = value as Record<string, unknown>;
    if (!("JobId" in record)) issues.push({ message: "JobId: required" });
    for (const [key, item] of Object.entries(record)) {
      const want = (TOP_LEVEL as Record<string, string>)[key];
      if (want === undefined) issues.push({ message: `${key}: unknown parameter` });
      else if (want === "object" ? !isPlainObject(item) : typeof item !== want) {
        issues.push({ message: `${key}: expected ${want}` });
      }
    }
    return issues.length === 0 ? { ok: true } : { ok: false, issues };
  },
};

function isPlainObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const dtsMockDescription: MockServiceDescription = {
  service: "dts",
  version: "2018-03-30",
  host: "dts.tencentcloudapi.com",
  extraHosts: [
    "dts.ap-shenzhen-fsi.tencentcloudapi.com",
    "dts.ap-shanghai-fsi.tencentcloudapi.com",
  ],
  actions: [
    {
      name: "ModifyMigrateJob",
      request: modifyMigrateJobRequest,
      examples: [
        {
          title: "Example 1 Modify a data migration task",
          request: modifyMigrateJobExample,
          response: modifyMigrateJobExampleResponse,
        },
      ],
      errors: [
        { code: "FailedOperation.NotAllowOperation", description: "Prohibits the operation." },
        { code: "ResourceNotFound.JobNotExist", description: "The migration task does not exist." },
      ],
    },
  ],
};

/** True when the body equals the example request. */
export function isExampleRequest(body: unknown): boolean {
  return isDeepStrictEqual(body, modifyMigrateJobExample);
}
