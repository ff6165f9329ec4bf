/**
 * src/index.ts, the package root (`import { v20180330 } from "@tcgen/dts"`): one namespace per
 * API version, the shape of the official SDK (`tencentcloud.dts.v20180330`). A new version adds a
 * namespace and changes none, so the root stays stable across releases, unlike a root that
 * re-exported "the newest version". Importing a version's subpath loads only that version.
 */

/** Version folders are `v` and a date; anything else could not be a namespace name. */
const NAMESPACE_NAME = /^v\d+$/;

export function rootIndexSource(versionFolders: readonly string[]): string {
  const lines = [
    "/**",
    " * Every API version of this package, one namespace each. Import a version's subpath instead",
    " * to load that version alone.",
    " */",
  ];
  for (const folder of versionFolders) {
    if (!NAMESPACE_NAME.test(folder)) {
      throw new Error(`version folder ${JSON.stringify(folder)} is not a namespace name`);
    }
    lines.push(`export * as ${folder} from "./${folder}/index.js";`);
  }
  if (versionFolders.length === 0) lines.push("export {};");
  return `${lines.join("\n")}\n`;
}
