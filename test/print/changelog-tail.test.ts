/**
 * A changelog is printed by formatting only its head (the title and the new entry) and appending
 * the earlier entries as the last run wrote them (generator/diff/release/changelog.ts,
 * print/format-files.ts). Over any history of releases, that is byte for byte prettier's
 * formatting of the whole file.
 */
import fc from "fast-check";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import type { ApiChange } from "../../generator/diff/api-change.js";
import {
  firstEntry,
  isPrettierStable,
  keepChangelog,
  prependEntry,
  releaseEntry,
  type PlannedChangelog,
} from "../../generator/diff/release/changelog.js";
import { CHANGE_KINDS, type ChangeKindId } from "../../generator/diff/change-kinds.js";
import { textFile } from "../../generator/emit/planned-file.js";
import { formatFiles } from "../../generator/print/format-files.js";
import { withGeneratedHeader } from "../../generator/print/generated-header.js";
import { PRETTIER_OPTIONS } from "../../generator/print/prettier-options.js";

const PATH = "dts/CHANGELOG.md";
const KINDS = Object.keys(CHANGE_KINDS) as ChangeKindId[];

/**
 * Names and values as the API model has them: names from the pages' closed grammars, canonical
 * types (`string[]`, `(a | b)[]`, `Foo | null`), versions, hosts and numbers. (Arbitrary Markdown
 * such as "*a**`*" is not among them: prettier does not format that the same way twice, so no
 * file holding it is stable under prettier, whoever writes it.)
 */
const word = fc.oneof(
  fc.constantFrom("ModifyMigrateJob", "Job_Name", "(a | b)[]", "Foo | null", "2018-03-30"),
  fc.constantFrom("dts.ap-shanghai-fsi.tencentcloudapi.com", "ModifyMigrateJob#Code", "dts@2018"),
  fc.string({
    unit: fc.constantFrom(
      "a",
      "Z",
      "9",
      "_",
      ".",
      "#",
      "@",
      "-",
      "|",
      "(",
      ")",
      "[",
      "]",
      " ",
      "<",
      ">",
    ),
  }),
);

const change: fc.Arbitrary<ApiChange> = fc.record({
  id: fc.constantFrom(...KINDS),
  service: fc.constant("dts"),
  version: fc.option(fc.constantFrom("2018-03-30", "2021-12-06"), { nil: null }),
  action: fc.constant(null),
  structure: fc.constant(null),
  path: word,
  before: fc.option(word, { nil: null }),
  after: fc.option(word, { nil: null }),
  breaking: fc.boolean(),
  severity: fc.constantFrom("error", "warning", "info"),
  position: fc.constant(null),
});

/** A release: an API change list (a bump), or none (the changelog kept as it is). */
const release = fc.option(fc.array(change, { minLength: 1, maxLength: 4 }), { nil: undefined });

const prettier = (text: string) =>
  format(withGeneratedHeader(PATH, text), { ...PRETTIER_OPTIONS, filepath: "CHANGELOG.md" });

async function printed(changelog: PlannedChangelog): Promise<string> {
  const [file] = await formatFiles([textFile(PATH, changelog.text, changelog.kept)]);
  return (file as { content: string }).content;
}

describe("changelog", () => {
  it("printed as its formatted head and its kept entries is prettier's whole file", async () => {
    let keptEntries = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(release, { minLength: 1, maxLength: 5 }), async (releases) => {
        let previous: string | undefined;
        for (const [n, changes] of releases.entries()) {
          const version = `0.${n + 1}.0`;
          const planned =
            changes === undefined
              ? keepChangelog(previous, firstEntry(version, 3))
              : prependEntry(previous, releaseEntry(version, "minor", changes));
          if (planned.kept !== "") keptEntries++;
          const text = await printed(planned);
          expect(text).toBe(await prettier(planned.text + planned.kept));
          previous = text;
        }
      }),
      { numRuns: 80 },
    );
    expect(keptEntries).toBeGreaterThan(0);
  }, 60_000);

  it("is written without prettier only where prettier would leave the new entry as it is", async () => {
    // Values of any characters Markdown treats specially, next to the model's own.
    const anyText = fc.oneof(
      word,
      fc.constantFrom(
        "*a*",
        "_a_",
        "__a__",
        "a *b* c",
        "x_",
        "`x`",
        "a  b",
        " a",
        "a\\*",
        "<b>",
        "[a]",
      ),
      fc.string({
        unit: fc.constantFrom("a", "_", "*", "`", "<", "[", "]", "#", " ", "-", "\\", "!", "&"),
      }),
    );
    const anyChange = change.chain((c) =>
      fc
        .record({ path: anyText, before: fc.option(anyText, { nil: null }) })
        .map((v) => ({ ...c, ...v })),
    );
    let stable = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(anyChange, { maxLength: 4 }), async (changes) => {
        const planned =
          changes.length === 0
            ? keepChangelog(undefined, firstEntry("1.0.0", 2))
            : prependEntry(undefined, releaseEntry("1.2.3", "patch", changes));
        if (!isPrettierStable(planned.text)) return;
        stable++;
        const text = withGeneratedHeader(PATH, planned.text);
        expect(await prettier(planned.text)).toBe(text);
      }),
      { numRuns: 300 },
    );
    expect(stable).toBeGreaterThan(30);
  }, 60_000);

  it("needs no prettier for an entry of the model's usual values", () => {
    const usual: ApiChange = {
      id: "request-parameter-type-changed",
      service: "dts",
      version: "2018-03-30",
      action: "ModifyMigrateJob",
      structure: null,
      path: "ModifyMigrateJob.Job_Name",
      before: "string",
      after: "(number | string)[] | null",
      breaking: true,
      severity: "error",
      position: null,
    };
    const text = prependEntry(undefined, releaseEntry("2.0.0", "major", [usual])).text;
    expect(isPrettierStable(text)).toBe(true);
    expect(isPrettierStable(text.replace("Job_Name", "Job *Name*"))).toBe(false);
  });

  it("formats the new entry only: earlier entries are kept as they were written", async () => {
    const previous = await printed(keepChangelog(undefined, firstEntry("0.1.0", 2)));
    const planned = prependEntry(previous, releaseEntry("0.2.0", "minor", []));
    expect(planned.kept).toBe(`\n${previous.slice(previous.indexOf("## "))}`);
    expect(planned.text).not.toContain("0.1.0");
  });
});
