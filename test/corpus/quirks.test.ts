/**
 * Every quirk issue 5 lists, each on a real page of ../shared/corpus (MANIFEST.tsv's notes column
 * says which page has which): the page is read with the documented recovery and its warning, or
 * refused with a clear error. Skipped with a notice when the corpus is absent.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ParsedActionPage } from "../../generator/parse/parsed-page.js";
import { runPipeline } from "../../generator/pipeline.js";
import { actionPage, asAction, parseOne } from "../parse/helpers.js";
import { readPages, type ReadPages } from "../read-pages.js";
import { sharedPath } from "../shared-folder.js";

const { path: corpus, present } = sharedPath("corpus quirks test", "corpus");

const raw = (id: string) => readFileSync(join(corpus, `${id}.md`), "utf8");
const pagePaths = (ids: readonly string[]) => ids.map((id) => join(corpus, `${id}.md`));

/** The pages with these ids through load, parse and check, as the pipeline reads them. */
const read = (...ids: string[]): Promise<ReadPages> => readPages(pagePaths(ids));

async function action(id: string): Promise<{ page: ParsedActionPage; codes: string[] }> {
  const { pages, diagnostics } = await read(id);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { page: asAction(pages[0]), codes: diagnostics.map((d) => d.code) };
}

describe.skipIf(!present)("corpus quirks", () => {
  it("are read as the pipeline reads them (same IR and diagnostics as runPipeline)", async () => {
    const ids = ["intl-c0df536a6ee3", "intl-6f652cbfea2d", "intl-c0fec71c02f2"];
    const { ir, diagnostics } = await read(...ids);
    const run = await runPipeline({ inputs: pagePaths(ids) });
    expect(run.diagnostics.map((d) => d.code)).toContain("TCG051");
    expect({ ir, diagnostics }).toEqual({ ir: run.ir, diagnostics: run.diagnostics });
  });

  it("an example whose Action differs from the page's is kept, recorded, and warned about", async () => {
    const { page, codes } = await action("intl-79708ff9e428");
    expect(codes).toContain("TCG041");
    const named = page.action.examples.map((e) => e.action);
    expect(named.some((a) => a !== undefined && a !== page.action.name)).toBe(true);
  });

  it("a row with a cell missing is read with an assumption (TCG030)", async () => {
    expect((await action("4916491058")).codes).toContain("TCG030");
  });

  it("rows with extra cells are read by content (TCG031)", async () => {
    const { page, codes } = await action("intl-63b8f32e3e98");
    expect(codes.filter((c) => c === "TCG031")).toHaveLength(2);
    expect(page.action.input.every((f) => f.type.kind !== "unknown")).toBe(true);
  });

  it("swapped Type and Description columns: the one corpus page with them is a common-parameters page, refused; its rows are recovered inside an action table (TCG032)", async () => {
    const { pages, diagnostics } = await read("intl-c0fec71c02f2");
    expect(pages).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([["TCG013", "error"]]);
    const rows = raw("intl-c0fec71c02f2")
      .split(/\r?\n/)
      .filter((line) => /^\| (Timestamp|Nonce) \|/.test(line));
    expect(rows).toHaveLength(2);
    const { page, diagnostics: rowDiagnostics } = parseOne(
      actionPage({ inputRows: rows.join("\n") }),
    );
    const fields = asAction(page).action.input.map((f) => [f.name, f.type.kind, f.description]);
    expect(fields).toEqual([
      ["Timestamp", "primitive", expect.stringContaining("UNIX timestamp")],
      ["Nonce", "primitive", expect.stringContaining("random positive integer")],
    ]);
    expect(rowDiagnostics.map((d) => d.code)).toEqual(["TCG032", "TCG032"]);
  });

  it("a byte-order mark is dropped", async () => {
    expect(raw("intl-63b8f32e3e98").startsWith("\uFEFF")).toBe(true);
    const { page } = await action("intl-63b8f32e3e98");
    expect(page.action.name).toBe("ModifyLiveTranscodeTemplate");
  });

  it("CRLF line endings and an Action row phrased 'Value: X' read like LF pages", async () => {
    expect(raw("intl-c0df536a6ee3")).toContain("\r\n");
    const { page } = await action("intl-c0df536a6ee3");
    expect([page.action.name, page.version]).toEqual(["GetMonitorData", "2018-07-24"]);
    expect(JSON.stringify(page)).not.toContain("\\r");
  });

  it("zero-width characters are removed", async () => {
    expect(raw("intl-157093051f1c")).toContain("\u200b");
    const { page } = await action("intl-157093051f1c");
    expect(JSON.stringify(page)).not.toMatch(/\u200b|\u200c|\u200d|\u2060|\ufeff/);
  });

  it("doubled links are repaired with a warning", async () => {
    expect(raw("intl-879d9d61bebd")).toContain("comhttps://");
    const { page, codes } = await action("intl-879d9d61bebd");
    expect(codes).toContain("TCG038");
    expect(JSON.stringify(page)).not.toContain("comhttp");
  });

  it("an Action row phrased 'the name of this API: X' names the action", async () => {
    expect((await action("intl-adcb78fd5fbe")).page.action.name).toBe("ModifyMediaInfo");
  });

  it("a version written 2/28/2018 is read as 2018-02-28 (TCG021)", async () => {
    const { page, codes } = await action("intl-0e4b1bc80539");
    expect(page.version).toBe("2018-02-28");
    expect(codes).toContain("TCG021");
  });

  it("'Request Parameters' / 'Return Parameters' headings are read as input and output", async () => {
    const { page } = await action("intl-88b17e1a3a06");
    expect(page.action.input.length).toBeGreaterThan(0);
    expect(page.action.output.map((f) => f.name)).toContain("RequestId");
  });

  it("the newer layout (# Title, Error Codes after Developer Resources) is read whole", async () => {
    expect(raw("54048292529").startsWith("# CancelCommonMixStream")).toBe(true);
    const { page } = await action("54048292529");
    expect(page.action.name).toBe("CancelCommonMixStream");
    expect(page.action.errors.length).toBeGreaterThan(0);
    expect(page.action.examples).toHaveLength(1);
  });

  it("a page without an error-code section has no errors and no complaint", async () => {
    const { page, codes } = await action("intl-c0df536a6ee3");
    expect(page.action.errors).toEqual([]);
    expect(codes.every((c) => c === "TCG050" || c === "TCG054")).toBe(true);
  });

  it("a page without a domain line takes the host from its example (TCG020)", async () => {
    const { page, codes } = await action("intl-157093051f1c");
    expect(page.host).toBe("cvm.tencentcloudapi.com");
    expect(codes).toContain("TCG020");
  });

  it("empty description cells are read as empty descriptions", async () => {
    const { page } = await action("54262349720");
    const aiAnalysis = page.action.input.find((f) => f.name === "AiAnalysisTask");
    expect(aiAnalysis?.description).toBe("");
    expect(aiAnalysis?.type.kind).toBe("struct");
  });

  it("struct tables with and without a Required column (both on the cam data types page)", async () => {
    const { pages } = await read("intl-be2a5ae941af");
    const page = pages[0];
    if (page?.kind !== "dataTypes") throw new Error("expected a data types page");
    const required = (name: string) =>
      page.structures.find((s) => s.name === name)?.fields.map((f) => [f.name, f.required]);
    // "| Name | Type | Description |": nothing is marked, so nothing is required.
    expect(required("AttachEntityOfPolicy")?.every(([, r]) => r === false)).toBe(true);
    // "| Name | Type | Required | Description |": the column is read.
    expect(required("SAMLProviderInfo")).toEqual(
      expect.arrayContaining([
        ["Name", true],
        ["Description", true],
      ]),
    );
  });

  it("two pages for one action and version: one wins by the documented rule, the warning names both", async () => {
    const { ir, diagnostics } = await read("intl-c0df536a6ee3", "intl-6f652cbfea2d");
    const duplicate = diagnostics.filter((d) => d.code === "TCG051");
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0]?.message).toContain("intl-c0df536a6ee3.md");
    expect(duplicate[0]?.message).toContain("intl-6f652cbfea2d.md");
    const actions = ir.services.flatMap((s) => s.versions.flatMap((v) => v.actions));
    expect(actions.map((a) => a.name)).toEqual(["GetMonitorData"]);
  });

  it("the 123 kB data types page is read whole", async () => {
    expect(raw("intl-9ff58fe6e6ec").length).toBeGreaterThan(120_000);
    const { pages } = await read("intl-9ff58fe6e6ec");
    const page = pages[0];
    expect(page?.kind === "dataTypes" ? page.structures.length : 0).toBeGreaterThanOrEqual(121);
  });

  it("a structure link to a present data types page resolves; one to an absent page opens with TCG050", async () => {
    const { ir, diagnostics } = await read("intl-fda8bf9caffe", "intl-dbfc5d5e0042");
    const structures = ir.services[0]?.versions[0]?.structures ?? [];
    expect(structures.find((s) => s.name === "Attribute")?.open).toBe(false);
    const alone = await read("intl-fda8bf9caffe");
    const open = alone.ir.services[0]?.versions[0]?.structures.find((s) => s.name === "Attribute");
    expect(open?.open).toBe(true);
    expect(alone.diagnostics.map((d) => d.code)).toContain("TCG050");
    expect(diagnostics.map((d) => d.code)).not.toContain("TCG050");
  });

  it("the cvm data types page (no Referenced by lines) belongs to cvm, whose actions use most of its structures, and lends nothing to sqlserver", async () => {
    const { ir, diagnostics } = await read(
      "intl-2286eeb751d9",
      "intl-157093051f1c",
      "intl-e6709dd32086",
      "intl-af7e911e939d",
    );
    const zones = (service: string) =>
      ir.services
        .find((s) => s.name === service)
        ?.versions.flatMap((v) => v.structures)
        .find((s) => s.name === "ZoneInfo");
    expect(zones("cvm")?.open).toBe(false);
    expect(zones("sqlserver")?.open).toBe(true);
    const warning = diagnostics.find((d) => d.code === "TCG054" && d.message.includes("ZoneInfo"));
    expect(warning?.message).toContain("only by");
  });
});
