/**
 * What every emitter gets: one package's context, planned once before any emitter runs. It holds
 * the package folder and npm name, each version with its agreed names (mock, test and file names
 * included), the release planned against the recorded API, the `@see` line maker and the template
 * reader, so that no emitter recomputes a name or a path another emitter also needs.
 */
import type { PackageRelease } from "../diff/release/plan-release.js";
import { planRelease } from "../diff/release/plan-release.js";
import type { ErrorCode, Ir, Service } from "../ir/types.js";
import { repositoryTemplates, type TemplateReader } from "./templates.js";
import { seeLines, specPaths, type PagePath, type SeeLine } from "./typescript/provenance.js";
import {
  packageFolder,
  packageName,
  versionContexts,
  type VersionContext,
} from "./version-context.js";

export interface PackageContext {
  readonly service: Service;
  /** "dts": the package's folder under the out dir. */
  readonly folder: string;
  /** "@tcgen/dts" */
  readonly packageName: string;
  /** The service's versions, oldest first, each with its planned names and source folder. */
  readonly versions: readonly VersionContext[];
  readonly commonErrors: readonly ErrorCode[];
  /** The package's version and changelog, planned against the recorded API. */
  readonly release: PackageRelease;
  /** The `@see spec:line` line of a page position (typescript/provenance.ts). */
  readonly see: SeeLine;
  /** A page's path as printed (in `@see` lines and elsewhere), one function for the whole run. */
  readonly pagePath: PagePath;
  readonly templates: TemplateReader;
}

export interface EmitOptions {
  /**
   * By service name: the releases planned from the out folder's recorded API (generator/diff/
   * release/). A service without one is a first release (tests, in-memory runs).
   */
  readonly releases?: ReadonlyMap<string, PackageRelease>;
  /**
   * The inputs the pages were loaded from, as given: `@see` lines print a page path from its input
   * folder (typescript/provenance.ts), so output does not depend on the working directory.
   */
  readonly sourceRoots?: readonly string[];
}

export function packageContexts(ir: Ir, options: EmitOptions = {}): PackageContext[] {
  const versions = versionContexts(ir);
  const pagePath = specPaths(options.sourceRoots);
  const see = seeLines(pagePath);
  return ir.services.map((service) => {
    const name = packageName(service.name);
    let release = options.releases?.get(service.name);
    return {
      service,
      folder: packageFolder(service.name),
      packageName: name,
      versions: versions.filter((context) => context.service === service),
      commonErrors: ir.commonErrors,
      // Planned on first use: only the package files and the API record need it.
      get release() {
        return (release ??= planRelease(service, ir.commonErrors, name, {}, new Map()));
      },
      see,
      pagePath,
      templates: repositoryTemplates,
    };
  });
}
