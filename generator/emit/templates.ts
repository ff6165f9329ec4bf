/**
 * The repository's templates/ folder as emitters read it: the static sources copied into every
 * package (runtime, mock, test harness) and the package templates. Each file is read once per
 * process.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface TemplateSource {
  readonly name: string;
  readonly content: string;
}

export interface TemplateReader {
  /**
   * The TypeScript sources of one templates/ folder that are copied as they are (its tests
   * excluded), sorted by name so that output does not depend on the file system.
   */
  sources(folder: string): readonly TemplateSource[];
  /** One template file's text. */
  text(folder: string, name: string): string;
}

/** The absolute path of a file or folder under templates/. */
function templatePath(...parts: readonly string[]): string {
  return fileURLToPath(new URL(`../../templates/${parts.join("/")}`, import.meta.url));
}

const sourcesByFolder = new Map<string, readonly TemplateSource[]>();
const textByPath = new Map<string, string>();

export const repositoryTemplates: TemplateReader = {
  sources(folder) {
    let sources = sourcesByFolder.get(folder);
    if (sources === undefined) {
      const dir = templatePath(folder);
      sources = readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith(".ts") && !/\.(test|spec)\.ts$/.test(e.name))
        .map((e) => e.name)
        .sort()
        .map((name) => ({ name, content: readFileSync(`${dir}/${name}`, "utf8") }));
      sourcesByFolder.set(folder, sources);
    }
    return sources;
  },
  text(folder, name) {
    const path = templatePath(folder, name);
    let text = textByPath.get(path);
    if (text === undefined) {
      text = readFileSync(path, "utf8");
      textByPath.set(path, text);
    }
    return text;
  },
};
