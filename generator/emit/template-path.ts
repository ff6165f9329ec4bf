/** Where the repository's templates/ folder is, from this module's location. */
import { fileURLToPath } from "node:url";

export function templatePath(...parts: readonly string[]): string {
  return fileURLToPath(new URL(`../../templates/${parts.join("/")}`, import.meta.url));
}
