/**
 * The seed page and the DTS data types page give exactly the golden IR and exactly the warnings
 * for the seed's four real quirks. Regenerate the golden file only after reviewing the change:
 * `npm run tcgen -- parse specs/dts/2018-03-30/*.md --json > test/golden/ir/dts-2018-03-30.json`.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildIr } from "../../generator/check/build-ir.js";
import { formatDiagnostic } from "../../generator/diagnostics/format.js";
import { parsePages } from "../../generator/parse/parse-pages.js";
import { sharedPath } from "../shared-folder.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const folder = "specs/dts/2018-03-30";
const pages = readdirSync(join(root, folder))
  .filter((name) => name.endsWith(".md"))
  .sort()
  .map((name) => ({
    file: `${folder}/${name}`,
    text: readFileSync(join(root, folder, name), "utf8"),
  }));

describe("seed page", () => {
  const parsed = parsePages(pages);
  const built = buildIr(parsed.pages);
  const diagnostics = [...parsed.diagnostics, ...built.diagnostics];

  const seed = sharedPath("seed comparison", "seed", "ModifyMigrateJob.md");
  it.skipIf(!seed.present)("is byte-identical to the shared seed", () => {
    const want = readFileSync(seed.path, "utf8");
    expect(readFileSync(join(root, folder, "ModifyMigrateJob.md"), "utf8")).toBe(want);
  });

  it("produces the golden IR", () => {
    const golden: unknown = JSON.parse(
      readFileSync(join(root, "test/golden/ir/dts-2018-03-30.json"), "utf8"),
    );
    expect(built.ir).toEqual(golden);
  });

  it("survives a JSON round trip", () => {
    expect(JSON.parse(JSON.stringify(built.ir))).toEqual(built.ir);
  });

  it("reports exactly the seed's four quirks, as warnings", () => {
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "specs/dts/2018-03-30/ModifyMigrateJob.md:31:1 warning TCG030 row has 3 cells but the table has 4 columns; the Required cell is missing: assumed Required = No",
      'specs/dts/2018-03-30/ModifyMigrateJob.md:60:1 warning TCG040 example "Example 1 Modify a data migration task" writes "Action==ModifyMigrateJob"; read it with a single "="',
      'specs/dts/2018-03-30/ModifyMigrateJob.md:56:1 warning TCG044 example "Example 1 Modify a data migration task" gives JSON text for the String parameter DatabaseInfo; kept it as a string',
      'specs/dts/2018-03-30/ModifyMigrateJob.md:56:1 warning TCG077 example "Example 1 Modify a data migration task" leaves out DstInfo.Region, which the table marks required; widened the contract: DstInfo.Region is optional, and the example is sent as written',
    ]);
  });

  it("resolves MigrateOption, SrcInfo, DstInfo and ConsistencyParams", () => {
    const structures = built.ir.services[0]?.versions[0]?.structures ?? [];
    expect(structures.map((s) => [s.name, s.open])).toEqual([
      ["ConsistencyParams", false],
      ["DstInfo", false],
      ["MigrateOption", false],
      ["SrcInfo", false],
    ]);
  });
});
