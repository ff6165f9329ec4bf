/** Where the repository's templates/ folder is, from this module's location. */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function templatePath(...parts: readonly string[]): string {
  return fileURLToPath(new URL(`../../templates/${parts.join("/")}`, import.meta.url));
}

/**
 * The TypeScript sources of one templates/ folder that are copied into every package as they are
 * (its tests excluded), sorted by name so that output does not depend on the file system.
 */
export function templateSources(folder: string): { name: string; content: string }[] {
  const dir = templatePath(folder);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !/\.(test|spec)\.ts$/.test(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => ({ name, content: readFileSync(`${dir}/${name}`, "utf8") }));
}
