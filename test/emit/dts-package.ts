/**
 * The seed fixture's package, emitted into a temporary folder and imported, so these tests do not
 * depend on what generated/ currently holds.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { emitFixture, writeTree } from "./emit-fixture.js";

const dir = writeTree(await emitFixture("dts-seed"));
const entry = pathToFileURL(join(dir, "dts/src/v20180330/index.ts")).href;

/** The module as emitted; its shape is that of generated/dts/src/v20180330/index.ts. */
const emitted = (await import(entry)) as typeof import("@tcgen/dts/v20180330");

export const {
  createServiceError,
  AuthFailureError,
  AuthFailureSignatureFailureError,
  FailedOperationError,
  FailedOperationNotAllowOperationError,
  InvalidParameterError,
  ResourceNotFoundError,
  ResourceNotFoundJobNotExistError,
  TencentCloudError,
  dtsV20180330Errors,
  validateModifyMigrateJobRequest,
  validateModifyMigrateJobResponse,
  validateMigrateOption,
} = emitted;
