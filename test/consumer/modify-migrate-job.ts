/**
 * A small program that uses the generated package the way an app would: the seed page's example
 * request, typed, plus lines that must not type-check (checked by tsc via @ts-expect-error).
 */
import {
  DtsClient,
  ResourceNotFoundError,
  TencentCloudError,
  modifyMigrateJob,
  validateModifyMigrateJobRequest,
  type MigrateOption,
  type ModifyMigrateJobRequest,
  type ModifyMigrateJobResponse,
} from "@tcgen/dts/v20180330";

/** The request of the seed page's "Example 1 Modify a data migration task". */
export const seedExampleRequest: ModifyMigrateJobRequest = {
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
  DstInfo: { ReadOnly: 0, Region: "ap-guangzhou" },
};

export async function callWithClient(client: DtsClient): Promise<string | undefined> {
  try {
    const response: ModifyMigrateJobResponse = await client.modifyMigrateJob(seedExampleRequest);
    const viaFunction = await modifyMigrateJob(client, { JobId: "dts-1" }, { timeout: 1000 });
    return response.RequestId ?? viaFunction.RequestId;
  } catch (error) {
    if (error instanceof ResourceNotFoundError) return error.code;
    if (error instanceof TencentCloudError) return error.requestId;
    throw error;
  }
}

export function makeClient(): DtsClient {
  return new DtsClient({
    region: "ap-guangzhou",
    credentials: { secretId: "id", secretKey: "key" },
    endpoint: "http://127.0.0.1:8080",
  });
}

export const seedExampleIsValid: boolean = validateModifyMigrateJobRequest.is(seedExampleRequest);

// @ts-expect-error JobId is required
export const missingJobId: ModifyMigrateJobRequest = { JobName: "x" };

// @ts-expect-error RunMode is an integer, not a string
export const wrongRunMode: MigrateOption = { RunMode: "1" };

// @ts-expect-error RunMode is required inside MigrateOption
export const missingRunMode: MigrateOption = { MigrateType: 2 };
