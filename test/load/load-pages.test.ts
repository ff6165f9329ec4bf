import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadPages, MAX_PAGE_BYTES } from "../../generator/load/load-pages.js";

const dir = mkdtempSync(join(tmpdir(), "tcgen-load-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadPages", () => {
  it("walks folders recursively, keeps *.md only, sorts the files", async () => {
    mkdirSync(join(dir, "tree", "b"), { recursive: true });
    writeFileSync(join(dir, "tree", "b", "z.md"), "## Z");
    writeFileSync(join(dir, "tree", "a.md"), "## A");
    writeFileSync(join(dir, "tree", "notes.txt"), "not markdown");
    const { pages, diagnostics } = await loadPages([join(dir, "tree")]);
    expect(pages.map((p) => p.file)).toEqual([
      join(dir, "tree", "a.md"),
      join(dir, "tree", "b", "z.md"),
    ]);
    expect(pages.map((p) => p.text)).toEqual(["## A", "## Z"]);
    expect(diagnostics).toEqual([]);
  });

  it("refuses binary, oversized and missing inputs with one error each", async () => {
    const binary = join(dir, "binary.md");
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    const huge = join(dir, "huge.md");
    writeFileSync(huge, "");
    truncateSync(huge, MAX_PAGE_BYTES + 1);
    const missing = join(dir, "missing.md");
    const good = join(dir, "good.md");
    writeFileSync(good, "## Good");
    const { pages, diagnostics } = await loadPages([binary, huge, missing, good]);
    expect(pages.map((p) => p.file)).toEqual([good]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.position.file])).toEqual([
      ["TCG001", "error", missing],
      ["TCG002", "error", binary],
      ["TCG003", "error", huge],
    ]);
  });

  it("follows links to pages and folders, reads a folder reached twice once, reports a broken link", async () => {
    const elsewhere = join(dir, "elsewhere");
    mkdirSync(join(elsewhere, "inner"), { recursive: true });
    writeFileSync(join(elsewhere, "linked.md"), "## Linked");
    writeFileSync(join(elsewhere, "inner", "deep.md"), "## Deep");
    const specs = join(dir, "linked-specs");
    mkdirSync(specs);
    symlinkSync(join(elsewhere, "linked.md"), join(specs, "page.md"));
    symlinkSync(join(elsewhere, "inner"), join(specs, "folder"), "dir");
    symlinkSync(specs, join(specs, "loop"), "dir");
    symlinkSync(join(dir, "missing.md"), join(specs, "broken.md"));
    const { pages, diagnostics } = await loadPages([specs]);
    expect(pages.map((p) => [p.file, p.text])).toEqual([
      [join(specs, "folder", "deep.md"), "## Deep"],
      [join(specs, "page.md"), "## Linked"],
    ]);
    expect(diagnostics.map((d) => [d.code, d.position.file])).toEqual([
      ["TCG001", join(specs, "broken.md")],
    ]);
  });
});
