import { describe, expect, it } from "vitest";
import {
  DtsClient,
  ResourceNotFoundError,
  ResourceNotFoundJobNotExistError,
  TencentCloudError,
  validateModifyMigrateJobRequest,
} from "@tcgen/dts/v20180330";

// The package is imported by its public name, as an app would, and resolved at run time through
// vitest.config.ts's alias to the sources (workspace-source.ts), not only at type-check time.
describe("@tcgen/dts/v20180330 at run time", () => {
  it("exports a working validator that reports the path, expectation and received value", () => {
    const result = validateModifyMigrateJobRequest.validate({
      JobId: "dts-1kl0iy0v",
      MigrateOption: { RunMode: "1" },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.message)).toContain(
      'MigrateOption.RunMode: expected integer, received "1"',
    );
  });

  it("exports error classes whose instanceof follows the dotted code", () => {
    const error = new ResourceNotFoundJobNotExistError({
      code: "ResourceNotFound.JobNotExist",
      message: "The migration task does not exist.",
      requestId: "r-1",
    });
    expect(error).toBeInstanceOf(ResourceNotFoundError);
    expect(error).toBeInstanceOf(TencentCloudError);
    expect(error.code).toBe("ResourceNotFound.JobNotExist");
  });

  it("exports a client class with a method per action", () => {
    const client = new DtsClient({
      region: "ap-guangzhou",
      credentials: { secretId: "id", secretKey: "key" },
      endpoint: "http://127.0.0.1:9",
    });
    expect(typeof client.modifyMigrateJob).toBe("function");
  });
});
