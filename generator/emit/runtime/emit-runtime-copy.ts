/**
 * src/runtime/ of each package: a verbatim copy of every templates/runtime/*.ts except tests, so
 * the package is self-contained with zero runtime dependencies.
 */
import type { Ir } from "../../ir/types.js";
import type { GeneratedFile } from "../generated-file.js";
import { templateSources } from "../template-path.js";
import { packageFolder } from "../version-context.js";

export function emitRuntimeCopy(ir: Ir): GeneratedFile[] {
  const runtime = templateSources("runtime");
  return ir.services.flatMap((service) =>
    runtime.map(({ name, content }) => ({
      path: `${packageFolder(service.name)}/src/runtime/${name}`,
      content,
    })),
  );
}
