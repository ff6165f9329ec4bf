/**
 * The registry of emitters: one per artefact, all the same shape (IR in, files out). To add an
 * artefact, write its emitter and list it here.
 */
import type { Ir } from "../ir/types.js";
import { emitApiRecord } from "./api-record/emit-api-record.js";
import type { EmitContext } from "./emit-context.js";
import { emitErrors } from "./errors/emit-errors.js";
import { emitExampleTests } from "./example-tests/emit-example-tests.js";
import type { GeneratedFile } from "./generated-file.js";
import { emitIndex } from "./index/emit-index.js";
import { emitMock } from "./mock/emit-mock.js";
import { emitClient } from "./operations/emit-client.js";
import { emitOperations } from "./operations/emit-operations.js";
import { emitPackageFiles } from "./package/emit-package-files.js";
import { emitPaginators } from "./paginators/emit-paginators.js";
import { emitRuntimeCopy } from "./runtime/emit-runtime-copy.js";
import { emitSchemas } from "./schemas/emit-schemas.js";
import { emitTypes } from "./types/emit-types.js";
import { emitValidators } from "./validators/emit-validators.js";

/** The context carries each package's planned release (version, changelog). */
export type Emitter = (ir: Ir, context: EmitContext) => GeneratedFile[];

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
