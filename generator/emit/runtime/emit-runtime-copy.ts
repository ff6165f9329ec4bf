/**
 * src/runtime/ of each package: a verbatim copy of every templates/runtime/*.ts except tests, so
 * the package is self-contained with zero runtime dependencies.
 */
import type { PackageContext } from "../package-context.js";
import { templateCopy, type PlannedFile } from "../planned-file.js";

export function emitRuntimeCopy({ folder, templates }: PackageContext): PlannedFile[] {
  return templates
    .sources("runtime")
    .map(({ name, content }) => templateCopy(`${folder}/src/runtime/${name}`, content));
}
