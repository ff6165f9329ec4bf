/**
 * What emitters get besides the IR: the planned release of each package (its version and
 * changelog come from the out folder's recorded API, generator/diff/release/). Without a plan
 * (tests, in-memory runs) each package is a first release.
 */
import type { PackageRelease } from "../diff/release/plan-release.js";
import { planRelease } from "../diff/release/plan-release.js";
import type { Ir, Service } from "../ir/types.js";
import { packageName } from "./version-context.js";

export interface EmitContext {
  /** By service name. */
  readonly releases: ReadonlyMap<string, PackageRelease>;
  /**
   * The inputs the pages were loaded from, as given: `@see` lines print an absolute page path
   * from its input folder (typescript/provenance.ts), so output does not depend on the cwd.
   */
  readonly sourceRoots?: readonly string[];
}

export const FIRST_RELEASES: EmitContext = { releases: new Map() };

export function releaseOf(ir: Ir, service: Service, context: EmitContext): PackageRelease {
  return (
    context.releases.get(service.name) ??
    planRelease(service, ir.commonErrors, packageName(service.name), {}, new Map())
  );
}
