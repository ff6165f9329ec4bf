/**
 * The two keys of incremental generation:
 * - a service's key says whether its IR must be built again: the generator, the service's slice
 *   of the tree plan (its pages and what it owns), the bytes of those pages and which pages define
 *   each structure name (a structure it does not own is named with the pages that define it);
 * - a package's key says whether its folder must be generated again: the generator, the IR of
 *   its services (as a hash, recorded in the input index for services not built this run), the
 *   common error codes, the inputs as given (provenance lines) and the severity overrides:
 *   everything emitting reads besides the release, which package-cache.ts checks on disk.
 * So a page whose bytes changed builds its services again, but their packages are generated again
 * only when the IR changed too (a blank line added to a page writes nothing).
 */
import type { ServicePlan, TreePlan } from "../check/plan-tree.js";
import type { SeverityOverrides } from "../diff/severity-config.js";
import { IR_VERSION, type ErrorCode, type Service } from "../ir/types.js";
import { CACHE_FORMAT } from "./generator-fingerprint.js";
import { hashText } from "./hash-files.js";

export interface ServiceKeyInput {
  readonly generator: string;
  readonly tree: Pick<TreePlan, "definedIn">;
  /** The SHA-256 of a listed page. */
  readonly pageHash: (file: string) => string;
}

/** What all services share is hashed once; each key is that hash, the plan and its pages' bytes. */
export function serviceKeys(input: ServiceKeyInput): (plan: ServicePlan) => string {
  const shared = hashText(
    JSON.stringify({
      format: CACHE_FORMAT,
      generator: input.generator,
      irVersion: IR_VERSION,
      definedIn: [...input.tree.definedIn],
    }),
  );
  return (plan) => {
    const files = [...plan.actionPages, ...plan.dataTypesPages.map((p) => p.file)];
    return hashText(
      `${shared}\n${JSON.stringify(plan)}\n${files.map((file) => input.pageHash(file)).join(",")}`,
    );
  };
}

/** Non-finite example numbers would all read as null; keep them apart. */
const keepNonFinite = (_key: string, value: unknown) =>
  typeof value === "number" && !Number.isFinite(value) ? `\u0000${value}` : value;

/** The hash of a service's IR. */
export function irHash(service: Service): string {
  return hashText(JSON.stringify(service, keepNonFinite));
}

export interface PackageKeyInput {
  readonly generator: string;
  readonly commonErrors: readonly ErrorCode[];
  readonly sourceRoots: readonly string[];
  readonly severityOverrides: SeverityOverrides;
}

/** A package folder's key from the IR hashes of its services (in name order). */
export function packageKeys(input: PackageKeyInput): (irHashes: readonly string[]) => string {
  const shared = hashText(
    JSON.stringify({
      format: CACHE_FORMAT,
      generator: input.generator,
      irVersion: IR_VERSION,
      commonErrors: input.commonErrors,
      sourceRoots: input.sourceRoots,
      severityOverrides: [...input.severityOverrides].sort(),
    }),
  );
  return (irHashes) => hashText(`${shared}\n${irHashes.join("\n")}`);
}
