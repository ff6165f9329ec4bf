import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emitMock, financeHosts } from "../../generator/emit/mock/emit-mock.js";
import { fixtureIr, modifyJob } from "./ir-fixture.js";
import { syntaxErrors } from "./syntax.js";
import { renderEmitted } from "../emit/emit-fixture.js";

const templateDir = new URL("../../templates/mock/", import.meta.url);

describe("emitMock", () => {
  const files = renderEmitted(fixtureIr, [emitMock]);
  const byPath = new Map(files.map((f) => [f.path, f.content]));

  it("copies every mock template verbatim into the package", () => {
    const templates = readdirSync(templateDir).filter((n) => n.endsWith(".ts"));
    expect(templates.length).toBeGreaterThan(3);
    for (const name of templates) {
      expect(byPath.get(`dts/src/mock/${name}`)).toBe(
        readFileSync(new URL(name, templateDir), "utf8"),
      );
    }
  });

  it("emits a syntactically valid entry point that describes every action", () => {
    const entry = byPath.get("dts/src/mock/index.ts") ?? "";
    expect(syntaxErrors("index.ts", entry)).toEqual([]);
    expect(entry).toContain(`export * from "./mock-api.js";`);
    expect(entry).toContain("export function startDtsMock(");
    expect(entry).toContain(`from "../v20180330/operations.js"`);
    expect(entry).toContain("modifyMigrateJobOperation as v20180330_modifyMigrateJob");
    expect(entry).toContain("describeMigrateJobsOperation as v20180330_describeMigrateJobs");
    expect(entry).toContain(JSON.stringify(modifyJob.examples[0]?.request));
    expect(entry).toContain('code: "ResourceNotFound.JobNotExist"');
    expect(entry).toContain('code: "RequestLimitExceeded"');
  });

  it("is deterministic", () => {
    expect(renderEmitted(fixtureIr, [emitMock])).toEqual(files);
  });
});

describe("financeHosts", () => {
  it("lists named finance hosts and the template's finance regions, sorted, without the main host", () => {
    const version = fixtureIr.services[0]?.versions[0];
    if (version === undefined) throw new Error("fixture has no version");
    expect(financeHosts(version)).toEqual([
      "dts.ap-shanghai-fsi.tencentcloudapi.com",
      "dts.ap-shenzhen-fsi.tencentcloudapi.com",
    ]);
  });
});
