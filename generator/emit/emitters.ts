/**
 * The registry of emitters: one per artefact, all the same shape (a package's context in, planned
 * files out; generator/print/ turns plans into text). To add an artefact, write its emitter and
 * list it here.
 */
import { emitApiRecord } from "./api-record/emit-api-record.js";
import { emitErrors } from "./errors/emit-errors.js";
import { emitExampleTests } from "./example-tests/emit-example-tests.js";
import { emitIndex } from "./index/emit-index.js";
import { emitMock } from "./mock/emit-mock.js";
import { emitClient } from "./operations/emit-client.js";
import { emitOperations } from "./operations/emit-operations.js";
import type { PackageContext } from "./package-context.js";
import { emitPackageFiles } from "./package/emit-package-files.js";
import { emitPaginators } from "./paginators/emit-paginators.js";
import type { PlannedFile } from "./planned-file.js";
import { emitRuntimeCopy } from "./runtime/emit-runtime-copy.js";
import { emitSchemas } from "./schemas/emit-schemas.js";
import { emitTypes } from "./types/emit-types.js";
import { emitValidators } from "./validators/emit-validators.js";

export type Emitter = (pkg: PackageContext) => PlannedFile[];

/** The package itself: what an app imports. */
export const coreEmitters: readonly Emitter[] = [
  emitTypes,
  emitValidators,
  emitSchemas,
  emitErrors,
  emitOperations,
  emitPaginators,
  emitClient,
  emitIndex,
  emitPackageFiles,
  emitRuntimeCopy,
  emitApiRecord,
];

/** Everything `tcgen generate` writes: the package plus its mock server and example tests. */
export const emitters: readonly Emitter[] = [...coreEmitters, emitMock, emitExampleTests];
