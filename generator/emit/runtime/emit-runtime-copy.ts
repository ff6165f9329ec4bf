/**
 * src/runtime/ of each package: a verbatim copy of every templates/runtime/*.ts except tests, so
 * the package is self-contained with zero runtime dependencies.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { Ir } from "../../ir/types.js";
import type { GeneratedFile } from "../generated-file.js";
import { templatePath } from "../template-path.js";
import { packageFolder } from "../version-context.js";

export function emitRuntimeCopy(ir: Ir): GeneratedFile[] {
  const runtime = runtimeTemplates();
  return ir.services.flatMap((service) =>
    runtime.map(({ name, content }) => ({
      path: `${packageFolder(service.name)}/src/runtime/${name}`,
      content,
    })),
  );
}

/** The runtime template files, sorted by name. */
function runtimeTemplates(
  dir: string = templatePath("runtime"),
): { name: string; content: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !/\.(test|spec)\.ts$/.test(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => ({ name, content: readFileSync(`${dir}/${name}`, "utf8") }));
}
