/**
 * print/typescript-layout/ lays out the validators, types, errors, example data, operations, client and version index
 * modules as prettier would: right only
 * while its text is byte for byte prettier's for the same input, on the fixtures, on every package
 * of the corpus, and on generated modules whose names, types, flags and descriptions vary
 * (fast-check); and while it declines (leaves the module to prettier) whatever it does not cover.
 */
import fc from "fast-check";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { emitPackages } from "../../generator/emit/emit-packages.js";
import { typescriptFile, type PlannedFile } from "../../generator/emit/planned-file.js";
import type { Field, Ir, Structure, TypeRef } from "../../generator/ir/types.js";
import { runPipeline } from "../../generator/pipeline.js";
import { formatFiles } from "../../generator/print/format-files.js";
import { withGeneratedHeader } from "../../generator/print/generated-header.js";
import { PRETTIER_OPTIONS } from "../../generator/print/prettier-options.js";
import { renderPlan } from "../../generator/print/render-plans.js";
import { layOutModule } from "../../generator/print/typescript-layout/lay-out-module.js";
import { loadFixtureIr } from "../emit/emit-fixture.js";
import { sharedPath } from "../shared-folder.js";

const prettier = (content: string) =>
  format(content, { ...PRETTIER_OPTIONS, filepath: "validators.ts" });

const LAID_OUT =
  /(\/v\d+\/(validators|types|errors|examples(\.test)?|index|operations|client|paginators)|\/src\/(mock\/)?index)\.ts$/;

/**
 * Each module of `ir` the print phase lays out (every TypeScript plan, each one of the modules
 * LAID_OUT names), as it hands them over (notice on top).
 */
function laidOutModules(ir: Ir): { path: string; content: string }[] {
  return emitPackages(ir)
    .filter((file) => file.plan.kind === "typescript")
    .map((file) => {
      expect(file.path).toMatch(LAID_OUT);
      return { path: file.path, content: withGeneratedHeader(file.path, renderPlan(file.plan)) };
    });
}

/**
 * `lines` (a module) laid out: prettier's text, holding `marker` (the layout case the test is
 * about, so that a test cannot pass on a module that fits on one line by chance).
 */
async function expectLaidOutAsPrettier(lines: readonly string[], marker: string) {
  const content = [...lines, ""].join("\n");
  const laidOut = layOutModule(content);
  expect(laidOut).toContain(marker);
  expect(laidOut).toBe(await prettier(content));
}

/** Each module laid out (none left to prettier) as prettier's text. */
async function expectPrettiersLayout(modules: { path: string; content: string }[]) {
  for (const { path, content } of modules) {
    const laidOut = layOutModule(content);
    expect(laidOut, `${path} was not laid out`).toBeDefined();
    expect(laidOut, path).toBe(await prettier(content));
  }
}

describe("the modules laid out without prettier", () => {
  it.each(["dts-seed", "edge-cases", "widened"])("%s: are prettier's text", async (name) => {
    const modules = laidOutModules(loadFixtureIr(name));
    expect(modules.length).toBeGreaterThan(1);
    await expectPrettiersLayout(modules);
  });

  const corpus = sharedPath("validators layout over the corpus", "corpus");
  it.skipIf(!corpus.present)(
    "the corpus: every package's laid-out modules are prettier's text",
    async () => {
      const { ir } = await runPipeline({ inputs: [corpus.path] });
      const modules = laidOutModules(ir);
      const versions = ir.services.flatMap((s) => s.versions);
      const paged = versions.filter((v) => v.actions.some((a) => a.pagination !== undefined));
      expect(paged.length).toBeGreaterThan(0);
      // Eight modules per version and paginators where it pages; each package's root index and
      // mock entry point.
      expect(modules.length).toBe(8 * versions.length + paged.length + 2 * ir.services.length);
      await expectPrettiersLayout(modules);
      // Some item type aliases are too long for their line: laid out broken, as prettier does.
      const paginators = modules.filter((m) => m.path.endsWith("/paginators.ts"));
      const laidOutBroken = paginators.filter((m) =>
        /^type \w+Item = NonNullable<$/m.test(layOutModule(m.content) ?? ""),
      );
      expect(laidOutBroken.length).toBeGreaterThan(0);
    },
    120_000,
  );

  it("is prettier's text for modules of any names, types, flags and descriptions", async () => {
    let laidOut = 0;
    let declined = 0;
    await fc.assert(
      fc.asyncProperty(versionArbitrary(), async (version) => {
        for (const { path, content } of laidOutModules(irWith(version))) {
          const text = layOutModule(content);
          // The validators module is always laid out; a types module whose member would not fit
          // on its line is left to prettier (the layout prints members flat only).
          if (text === undefined && path.endsWith("/types.ts")) {
            declined++;
            expect(longestCodeLine(await prettier(content)), path).toBeGreaterThan(0);
            continue;
          }
          laidOut++;
          expect(text, `${path} was not laid out`).toBeDefined();
          expect(text, path).toBe(await prettier(content));
        }
      }),
      { numRuns: 60 },
    );
    expect(laidOut).toBeGreaterThan(declined);
  }, 120_000);
});

describe("element type aliases too long for their line", () => {
  it("break their type arguments as prettier does", async () => {
    await expectLaidOutAsPrettier(
      [
        'type DescribeAutoScalingGroupsItem = NonNullable<DescribeAutoScalingGroupsResponse["AutoScalingGroupSet"]>[number];',
        'export type ListItem = NonNullable<ListResponse["Items"]>[number];',
        `export type ${"Long".repeat(22)}Item = NonNullable<${"B".repeat(30)}["Items"]>[number];`,
      ],
      "NonNullable<\n",
    );
  });

  it("break after = when even the start of the value does not fit", async () => {
    await expectLaidOutAsPrettier(
      [`type ${"Long".repeat(24)}Item = NonNullable<Response["Items"]>[number];`],
      " =\n",
    );
  });

  it.each([
    ["another index than number", 'type A = NonNullable<R["Items"]>["x"];'],
    ["a hugged argument", "type A = NonNullable<R>[number];"],
    ["two arguments", 'type A = Pick<R["Items"], X>[number];'],
  ])("decline %s when too long", (_, code) => {
    const long = code.replace("type A", `type ${"A".repeat(100)}`);
    expect(layOutModule(`${long}\n`)).toBeUndefined();
  });
});

describe("type constructs the generated modules have not needed yet", () => {
  it("prints them as prettier does: array of a union, generic reference, quoted names, literal and indexed types", async () => {
    await expectLaidOutAsPrettier(
      [
        "export interface A {",
        "    b?: (string | number)[];",
        "    c: Array<string | number>;",
        '    "d-e": "x" | null;',
        '    "f": object["constructor"];',
        "    [key: string]: unknown;",
        "}",
        "export type B = { [key: string]: never };",
      ],
      "  f: object",
    );
  });
});

describe("object layouts the generated modules reach rarely or not yet", () => {
  it("keeps a short key's long value on its line, breaks after a long key, keeps one-line objects", async () => {
    const long = `A${"b".repeat(96)}`;
    await expectLaidOutAsPrettier(
      [
        "export const r: Registry = {",
        `    abc: ${long},`,
        `    abcde: ${long},`,
        `    "Long.Key": ${long},`,
        '    "Bare": B,',
        "    nested: { a: b, c: d },",
        "    empty: {},",
        "};",
      ],
      `  abc: ${long},`,
    );
  });
});

describe("a call with one object argument (the example tests' harness call)", () => {
  it("hugs the object: flat when it fits, broken inside the parentheses when not or when written broken", async () => {
    const long = "b".repeat(70);
    await expectLaidOutAsPrettier(
      [
        'run({ api, version: "2018-03-30" });',
        `run({ api, Client: api.Client, value: "${long}" });`,
        "run({",
        "  api, flat: 1 });",
        "export function start(options: Options): Promise<Server> {",
        `  return startServer({ api, options, value: "${long}" });`,
        "}",
      ],
      "run({\n  api,\n  flat: 1,\n});",
    );
  });
});

describe("strings, numbers and arrays as prettier prints them", () => {
  it("chooses quotes, normalises numbers, breaks arrays of objects, keeps blank lines and comments", async () => {
    await expectLaidOutAsPrettier(
      [
        "export const data: readonly Example[] = [",
        "  /**",
        "   * The first.",
        "   */",
        "  { a: \"it's\", b: 'say \"hi\"', c: \"\\\"both\\\" 'kinds'\", d: '\\'single\\'' },",
        "",
        '  { n: 1.50, e: 1E+5, f: .5, g: 0.0, h: 10, i: 0xAB, j: ["x", 2] },',
        '  {"Quoted": {"JobId": "p"} satisfies Req, "not-bare": true},',
        "];",
      ],
      "b: 'say \"hi\"'",
    );
  });

  it("prints imports and exports: renames, inline types, namespaces, one and many names", async () => {
    await expectLaidOutAsPrettier(
      [
        'import { a as b, type C, d } from "./x.js";',
        'import * as ns from "./y.js";',
        'export * from "./z.js";',
        'export * as v1 from "./v1/index.js";',
        'export type { One } from "./types.js";',
        `export { ${Array.from({ length: 12 }, (_, i) => `name${i} as alias${i}`).join(", ")} } from "./many.js";`,
      ],
      "  name0 as alias0,",
    );
  });

  it("prints generic annotations, exported functions and optional parameters", async () => {
    const long = `Descriptor${"X".repeat(40)}`;
    await expectLaidOutAsPrettier(
      [
        `export const operation: Operation<${long}Request, ${long}Response> = { action: "A" };`,
        `export const flag: Pair<${long}Request, ${long}Response> = true;`,
        "export const short: Pair<A, B> = true;",
        // Fits up to `=` but not with the value: prettier breaks after `=`, not inside `<>`.
        `export const edge: Pair<${"A".repeat(35)}, ${"B".repeat(35)}> = true;`,
        "export function call(client: CoreClient, request: ModifyMigrateJobRequest, options?: CallOptions): Promise<R> {",
        "  return client.send(operation, request, options);",
        "}",
      ],
      "  options?: CallOptions,",
    );
  });

  it("prints a class with a constructor and methods, and new", async () => {
    await expectLaidOutAsPrettier(
      [
        "export class ServiceClientForAVeryLongServiceName extends ServiceClientWithAVeryLongBaseName {",
        "    constructor(options: ClientOptions) {",
        "        super(descriptor, options);",
        "    }",
        "",
        "    /**",
        "     * Sends one call.",
        "     */",
        "    public modifyMigrateJob(request: ModifyMigrateJobRequest, options?: CallOptions): Promise<Response> {",
        "        return modifyMigrateJob(this, request, options);",
        "    }",
        "    public short(request: R): Promise<S> {",
        "        return short(this, request);",
        "    }",
        "}",
        "export function create(options: CoreClientOptions): CoreClient {",
        "    return new CoreClient(core, options);",
        "}",
      ],
      "    options?: CallOptions,",
    );
  });
});

describe("what the layout does not cover", () => {
  it.each([
    ["a class without a base", "export class A {}\n"],
    [
      "a comment inside a function",
      "function f(value: unknown): boolean {\n  // why\n  return true;\n}\n",
    ],
    ["a template literal", "const a = f(`b`);\n"],
    ["an array of numbers only, which prettier fills", "const a = [1, 2];\n"],
    ["a let", "let a = f(b);\n"],
    ["a comment after code on its line", "export interface A {\n  b: string; // why\n}\n"],
    ["a member that does not fit", `export interface A {\n  ${"B".repeat(95)}: string;\n}\n`],
    [
      "a doc line ending in a Markdown line break",
      "export interface A {\n  /**\n   * Two  \n   * lines.\n   */\n  b: string;\n}\n",
    ],
    ["a block comment that is not a doc comment", "/* one\n   two */\nexport type A = string;\n"],
  ])("declines %s", (_, content) => {
    expect(layOutModule(content)).toBeUndefined();
  });

  it("leaves a module it declines to prettier", async () => {
    const content = "export class A { b = [1,2] }\n";
    const plan: PlannedFile = typescriptFile("x/src/validators.ts", [content]);
    const [printed] = await formatFiles([plan]);
    expect(printed!.content).toBe(await prettier(withGeneratedHeader(plan.path, content)));
  });
});

// ---- generated versions: the seed's first version with its actions and structures replaced ----

const identifier = (max: number) => fc.stringMatching(new RegExp(`^[A-Z][A-Za-z0-9]{0,${max}}$`));
const PRIMITIVES = [
  "string",
  "integer",
  "float",
  "boolean",
  "timestamp",
  "date",
  "object",
  "stringOrNumber",
  "binary",
] as const;

interface FieldShape {
  name: string;
  description: string;
  required: boolean;
  nullable: boolean;
  type: number;
  target: number;
}

interface VersionShape {
  structures: { name: string; open: boolean; fields: FieldShape[] }[];
  actions: { name: string; input: FieldShape[]; output: FieldShape[]; errors: string[] }[];
}

function fieldsArbitrary(): fc.Arbitrary<FieldShape[]> {
  const name = fc.oneof(
    { weight: 6, arbitrary: identifier(40) },
    { weight: 1, arbitrary: fc.constantFrom("constructor", "toString", "__proto__") },
  );
  return fc.uniqueArray(
    fc.record({
      name,
      description: descriptionArbitrary(),
      required: fc.boolean(),
      nullable: fc.boolean(),
      type: fc.nat({ max: 14 }),
      target: fc.nat(),
    }),
    { selector: (field) => field.name, maxLength: 6 },
  );
}

/** Page text as descriptions carry it: words, line breaks, runs of spaces, CJK, comment closers. */
function descriptionArbitrary(): fc.Arbitrary<string> {
  const piece = fc.constantFrom(
    "word",
    " ",
    "  ",
    "\n",
    "，中文说明",
    "*/",
    "@see",
    "`code`",
    "-",
    "",
  );
  return fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(""));
}

/** The length of the longest line that is not a comment (0 when every line fits). */
function longestCodeLine(text: string): number {
  const code = text.split("\n").filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line));
  return Math.max(0, ...code.map((line) => (line.length > 100 ? line.length : 0)));
}

function versionArbitrary(): fc.Arbitrary<VersionShape> {
  return fc.record({
    structures: fc.uniqueArray(
      fc.record({ name: identifier(60), open: fc.boolean(), fields: fieldsArbitrary() }),
      { selector: (s) => s.name, maxLength: 4 },
    ),
    actions: fc.uniqueArray(
      fc.record({
        name: identifier(50),
        input: fieldsArbitrary(),
        output: fieldsArbitrary(),
        // Codes with and without a category, short and long (quoted and bare registry keys).
        errors: fc.uniqueArray(
          fc
            .tuple(identifier(30), fc.option(identifier(50), { nil: undefined }))
            .map(([category, sub]) => (sub === undefined ? category : `${category}.${sub}`)),
          { maxLength: 4 },
        ),
      }),
      { selector: (a) => a.name, minLength: 1, maxLength: 2 },
    ),
  });
}

function typeOf(shape: FieldShape, structures: readonly string[]): TypeRef {
  const primitive = (index: number): TypeRef => {
    const name = PRIMITIVES[index % PRIMITIVES.length]!;
    return { kind: "primitive", name, docType: name };
  };
  const struct = (): TypeRef =>
    structures.length === 0
      ? { kind: "unknown", docType: "?" }
      : { kind: "struct", name: structures[shape.target % structures.length]!, docType: "S" };
  if (shape.type < 9) return primitive(shape.type);
  if (shape.type === 9) return struct();
  if (shape.type === 10) return { kind: "array", element: struct(), docType: "Array" };
  if (shape.type === 11)
    return { kind: "array", element: primitive(shape.target), docType: "Array" };
  if (shape.type === 12) return { kind: "unknown", docType: "?" };
  const other = primitive(shape.target % 3);
  const options = [primitive(shape.target % 3 === 0 ? 1 : 0), other];
  return { kind: "union", options, docType: "union" };
}

function irWith(shape: VersionShape): Ir {
  const seed = loadFixtureIr("dts-seed");
  const service = seed.services[0]!;
  const version = service.versions[0]!;
  const names = shape.structures.map((s) => s.name);
  const position = version.actions[0]!.position;
  const fields = (list: FieldShape[]): Field[] =>
    list.map((f) => ({
      name: f.name,
      required: f.required,
      nullable: f.nullable,
      type: typeOf(f, names),
      description: f.description,
      position,
    }));
  const structures: Structure[] = shape.structures.map((s) => ({
    ...version.structures[0]!,
    name: s.name,
    open: s.open,
    fields: fields(s.fields),
  }));
  const actions = shape.actions.map((a) => ({
    ...version.actions[0]!,
    name: a.name,
    input: fields(a.input),
    output: fields(a.output),
    examples: [],
    errors: a.errors.map((code) => ({ code, description: `Code ${code}.`, position })),
  }));
  return {
    ...seed,
    services: [{ ...service, versions: [{ ...version, actions, structures }] }],
  };
}
