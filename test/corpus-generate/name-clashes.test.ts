/**
 * Names that clash with generated names (DescribeThingsRequest, ClashClient, validateSpec,
 * TencentCloudError), with globals the generated code uses (Error, Promise, Object, ReadonlySet),
 * with the ResponseInteger alias, with each other (Name/name), with keywords (class, default,
 * delete, in, enum), with Object.prototype members (constructor, toString, __proto__,
 * hasOwnProperty, valueOf) and an action `Then` go through the whole pipeline and the corpus
 * check (tsc --strict, eslint, example tests against the mock) from Markdown pages in
 * test/fixtures/parse/name-clashes, with wire names unchanged. Then the generated version entry
 * is imported: it is no thenable, and its validators read only own properties.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCorpus, type CorpusCheck } from "../../generator/cli/corpus/check-corpus.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURE = join(REPO_ROOT, "test", "fixtures", "parse", "name-clashes");

/** The part of a validator these tests call. */
interface SomeValidator {
  validate(value: unknown): { ok: boolean; issues?: readonly { path: readonly unknown[] }[] };
}

describe("clashing names through the whole pipeline", () => {
  let result: CorpusCheck;
  // A folder of its own inside the repository (generated tests resolve its node_modules).
  let out: string;
  beforeAll(async () => {
    mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
    out = mkdtempSync(join(REPO_ROOT, "tmp", "name-clashes-check-"));
    result = await checkCorpus({
      folder: FIXTURE,
      generate: true,
      outDir: out,
      lint: true,
      repoRoot: REPO_ROOT,
    });
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const versionDir = () => join(out, "packages", "clash", "src", "v20210101");
  const types = () => readFileSync(join(versionDir(), "types.ts"), "utf8");
  const actionPages = () => result.pages.filter((p) => p.kind === "action");

  it("reads the three pages; only the example's __proto__ keys are remarked on", () => {
    expect(result.pages.map((p) => p.kind).sort()).toEqual(["action", "action", "dataTypes"]);
    const diagnostics = result.pages.flatMap((p) => p.diagnostics);
    // TCG073: the example sets __proto__ (top level and in Thing), kept as data.
    for (const d of diagnostics) {
      expect(`${d.severity} ${d.code}`).toBe("warning TCG073");
      expect(d.message).toContain("__proto__");
    }
  });

  it("type-checks, lints clean and passes its generated example tests", () => {
    expect(actionPages()).toHaveLength(2);
    for (const page of actionPages()) {
      expect(page.packageName).toBe("clash");
      expect(page.typeErrors).toEqual([]);
      expect(page.lintProblems).toEqual([]);
      expect(page.tests?.failures).toEqual([]);
    }
    // DescribeThings: the example and each of its three documented error codes (plus a
    // common-code sample); Then: its example and its error code.
    const passed = actionPages().map((p) => p.tests?.passed ?? 0);
    expect(passed.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(6);
  });

  it("keeps every wire name as documented in the generated types", () => {
    const text = types();
    for (const wire of [
      "class",
      "constructor",
      "toString",
      "__proto__",
      "hasOwnProperty",
      "valueOf",
      "Name",
      "name",
      "default",
      "in",
      "then",
      "enum",
      "delete",
      "message",
      "code",
      "Keys",
      "Count",
      "Thing",
    ]) {
      expect(text).toMatch(new RegExp(`^\\s*(readonly )?("${wire}"|${wire})\\?{0,1}:`, "m"));
    }
  });

  it("renames structures named like globals or generated names, saying so in JSDoc", () => {
    const text = types();
    for (const [documented, declared] of [
      ["ReadonlySet", "ReadonlySet_2"],
      ["ResponseInteger", "ResponseInteger_2"],
      ["Object", "Object_2"],
      ["Promise", "Promise_2"],
      ["Error", "Error_2"],
    ]) {
      expect(text).toContain(`export interface ${declared} {`);
      expect(text).toContain(`Named \`${documented}\` in the docs; declared as \`${declared}\``);
    }
    expect(text).toContain("export type ResponseInteger = number | string;");
  });

  it("imports the version entry with await import(): no export is named then", async () => {
    const entry = (await import(pathToFileURL(join(versionDir(), "index.ts")).href)) as Record<
      string,
      unknown
    >;
    expect(Object.keys(entry)).not.toContain("then");
    expect(typeof entry["then_2"]).toBe("function");
    expect(typeof entry["thenOperation"]).toBe("object");
    const client = entry["ClashClient"] as { prototype: object };
    expect("then" in client.prototype).toBe(false);
    expect(typeof (client.prototype as Record<string, unknown>)["then_2"]).toBe("function");
    const operations = readFileSync(join(versionDir(), "operations.ts"), "utf8");
    expect(operations).toContain("Sends the `Then` action; named `then_2` rather than `then`");
    expect(operations).toContain('action: "Then"');
  });

  it("validates own properties only: fields named like Object.prototype members", async () => {
    const entry = (await import(pathToFileURL(join(versionDir(), "index.ts")).href)) as Record<
      string,
      SomeValidator
    >;
    const request = entry["validateDescribeThingsRequest"]!;
    const thing = entry["validateObject_2"]!;

    // Left out: absent, not the members every object inherits.
    expect(request.validate({ class: "c" })).toMatchObject({ ok: true });
    expect(
      request.validate(Object.assign(Object.create(null) as object, { class: "c" })),
    ).toMatchObject({ ok: true });
    expect(thing.validate({ Id: "o" })).toMatchObject({ ok: true });

    // Given, as JSON.parse gives them (an own "__proto__" property).
    const given = JSON.parse(
      '{"class":"c","constructor":"k","toString":"t","__proto__":"p","hasOwnProperty":true,"valueOf":3,' +
        '"Thing":{"Id":"o","__proto__":"x"},"Keys":{"Keys":["a"],"constructor":"c"},"Count":{"Value":1,"toString":"t"}}',
    ) as Record<string, unknown>;
    expect(Object.hasOwn(given, "__proto__")).toBe(true);
    expect(request.validate(given)).toMatchObject({ ok: true });

    // Given with the wrong type: reported at the field's own path.
    for (const [key, value] of [
      ["constructor", 1],
      ["toString", 2],
      ["__proto__", 3],
      ["hasOwnProperty", "yes"],
      ["valueOf", "3"],
    ] as const) {
      const wrong = JSON.parse(JSON.stringify({ class: "c", [key]: value })) as object;
      const outcome = request.validate(wrong);
      expect(outcome.ok).toBe(false);
      expect(outcome.issues?.map((i) => i.path)).toEqual([[key]]);
    }
  });
});
