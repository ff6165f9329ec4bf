/**
 * Real doc drift (../shared/drift): revision pairs of public Tencent Cloud pages. For the pairs
 * below the expected API changes were written by reading both pages side by side (not taken from
 * tcgen's output): `api` lists every change other than a description edit, `described` says
 * whether some description text changed. Every pair of the folder also runs through
 * `tcgen diff --format json` without an error. Absent folder: skipped with a notice (failed in CI).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffModels } from "../../generator/diff/diff-models.js";
import { loadSide } from "../../generator/diff/load-side.js";
import { sharedPath } from "../shared-folder.js";
import { summary } from "./fixture-sides.js";
import { runDiff } from "./run-diff.js";

const drift = sharedPath("semantic drift pairs", "drift");

interface Expected {
  /** What the revision does, as read. */
  readonly read: string;
  readonly api: readonly string[];
  readonly described: boolean;
}

const NONE: readonly string[] = [];

const EXPECTED: Readonly<Record<string, Expected>> = {
  b6c67d860d19: { read: "section headings renamed only", api: NONE, described: false },
  "18a49bfdba24": {
    read: "links in the section intros made absolute",
    api: NONE,
    described: false,
  },
  "8ef792f09c9e": {
    read: "links in the section intros made absolute",
    api: NONE,
    described: false,
  },
  ab35d7b66327: { read: "links in the section intros made absolute", api: NONE, described: false },
  e57c87a1df3c: { read: "links in the section intros made absolute", api: NONE, described: false },
  "154d3063920e": { read: "a type cell's link made absolute", api: NONE, described: false },
  "23dcd0c9f216": { read: "two type cells' links made absolute", api: NONE, described: false },
  "36c88c9b3fd9": {
    read: "headings renamed, rate-limit sentence reworded (same 200/s), common rows reworded",
    api: NONE,
    described: true,
  },
  "3d67e0614f66": { read: "rate-limit sentence reworded (same 100/s)", api: NONE, described: true },
  "684f49da3d06": { read: "rate-limit sentence reworded (same 200/s)", api: NONE, described: true },
  "6c4ff2d9ee9f": { read: "rate-limit sentence reworded (same 200/s)", api: NONE, described: true },
  "011b681fec2a": {
    read: "byte-order mark dropped, rate-limit sentence reworded (same 500/s)",
    api: NONE,
    described: true,
  },
  "5a18817df1b2": {
    read: "TemplateName's description reworded; rate-limit sentence reworded (same 200/s)",
    api: NONE,
    described: true,
  },
  "0e7826993228": {
    read: "DomainName and AppName descriptions reworded",
    api: NONE,
    described: true,
  },
  cac97420311e: { read: "the action description reworded", api: NONE, described: true },
  "6146daab7d9a": {
    read: "action and error descriptions reworded; an error row gained a stray empty cell",
    api: NONE,
    described: true,
  },
  "46e282083abc": {
    read: "the response gains TemplateId (Integer)",
    api: ["response-field-added DeleteLiveWatermarkRuleResponse.TemplateId compatible"],
    described: true,
  },
  "2bc6527e36cb": {
    read: "the page now documents ModifyTranscodeTemplate instead of CreateTranscodeTemplate",
    api: [
      "action-added ModifyTranscodeTemplate compatible",
      "action-removed CreateTranscodeTemplate breaking",
    ],
    described: false,
  },
  "356defc0e68f": {
    read:
      "four optional parameters and the nullable TotalNum response field added; the new Month " +
      "row starts with '||' (an empty first cell), which is read as the Month row it is",
    api: [
      "request-parameter-added-optional DescribeBillDetail.NeedRecordNum compatible",
      "request-parameter-added-optional DescribeBillDetail.PayMode compatible",
      "request-parameter-added-optional DescribeBillDetail.ProductCode compatible",
      "request-parameter-added-optional DescribeBillDetail.ResourceId compatible",
      "response-field-added DescribeBillDetailResponse.TotalNum compatible",
    ],
    described: true,
  },
};

describe.skipIf(!drift.present)("real drift pairs", () => {
  const pairs = drift.present
    ? readdirSync(drift.path, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];

  it("has expectations for at least 15 pairs that are in the folder", () => {
    const known = Object.keys(EXPECTED).filter((id) => pairs.includes(id));
    expect(known.length).toBeGreaterThanOrEqual(15);
  });

  it.each(Object.entries(EXPECTED))("%s: as read", async (id, want) => {
    const before = await loadSide(join(drift.path, id, "old.md"));
    const after = await loadSide(join(drift.path, id, "new.md"));
    const changes = diffModels(before.model, after.model);
    const api = changes.filter((c) => c.id !== "description-changed");
    expect(summary(api), want.read).toEqual([...want.api].sort());
    expect(
      changes.some((c) => c.id === "description-changed"),
      "described",
    ).toBe(want.described);
  });

  it("runs every pair through tcgen diff --format json without an error", async () => {
    for (const id of pairs) {
      const { code, stdout, stderr } = await runDiff([
        join(drift.path, id, "old.md"),
        join(drift.path, id, "new.md"),
        "--format",
        "json",
      ]);
      expect([0, 1], `${id}: exit ${code}\n${stderr}`).toContain(code);
      const report = JSON.parse(stdout) as { packages: { changes: unknown[] }[] };
      const changed = report.packages.some((p) => p.changes.length > 0);
      expect(code, id).toBe(changed ? 1 : 0);
    }
  }, 120_000);
});
