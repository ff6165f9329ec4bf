/**
 * Issue 13 "docs from docs": each action's function and client method carry `@example` (a call
 * with the page's example, values printed losslessly through the string-literal sink and the
 * comment sink) and `@throws` (the classes of its own codes, then the common ones). Given/want on
 * the JSDoc; hostile example data (a comment terminator, backticks, `__proto__`, line separators)
 * neither ends the comment nor changes a value.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/operations/emit-client.js";
import { emitOperations } from "../../generator/emit/operations/emit-operations.js";
import { exampleCallCode, requiredPart } from "../../generator/emit/operations/example-call.js";
import type { Action, Example, Ir, JsonValue } from "../../generator/ir/types.js";
import { loadFixtureIr, renderEmitted } from "./emit-fixture.js";

const at = { file: "specs/x/Act.md", line: 1, column: 1 };

/** The dts seed with its one action given `examples` and `errors`, and DstInfo.Region optional. */
function seedWith(examples: readonly Example[], errors?: Action["errors"]): Ir {
  const ir = loadFixtureIr("dts-seed");
  const [service] = ir.services;
  const [version] = service?.versions ?? [];
  const [action] = version?.actions ?? [];
  if (service === undefined || version === undefined || action === undefined) throw new Error();
  const structures = version.structures.map((s) =>
    s.name !== "DstInfo"
      ? s
      : {
          ...s,
          fields: s.fields.map((f) => (f.name === "Region" ? { ...f, required: false } : f)),
        },
  );
  const changed = { ...action, examples, errors: errors ?? action.errors };
  return {
    ...ir,
    services: [{ ...service, versions: [{ ...version, actions: [changed], structures }] }],
  };
}

function example(request: { readonly [key: string]: JsonValue }, title = "Example 1 Go"): Example {
  return { title, requestStyle: "post", request, response: null, responseJson: null, position: at };
}

/** The JSDoc text (between the delimiters) of the declaration named `name` in `source`. */
function jsDocOf(source: string, name: string): string {
  const file = ts.createSourceFile("x.ts", source, ts.ScriptTarget.ES2022, true);
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    const named = (node as { name?: ts.Node }).name;
    if (named !== undefined && ts.isIdentifier(named) && named.text === name) {
      found = ts.getJSDocCommentsAndTags(node)[0]?.getFullText();
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (found === undefined) throw new Error(`no JSDoc on ${name}`);
  return found;
}

function operationsOf(ir: Ir): string {
  const [file] = renderEmitted(ir, [emitOperations]);
  if (file === undefined) throw new Error("no operations.ts");
  return file.content;
}

function clientOf(ir: Ir): string {
  const [file] = renderEmitted(ir, [emitClient]);
  if (file === undefined) throw new Error("no client.ts");
  return file.content;
}

/** The `@throws` lines, each joined with its continuation lines should the JSDoc be wrapped. */
function throwsLines(jsDoc: string): string[] {
  const unwrapped = jsDoc.replace(/\n\s*\* {2,}(?=\S)/g, " ");
  return unwrapped.split("\n").filter((line) => line.includes("@throws"));
}

/** The code lines of the `@example` fence, without the JSDoc's ` * ` margin. */
function exampleCode(jsDoc: string): string {
  const lines = jsDoc.split("\n").map((line) => line.replace(/^\s*\* ?/, ""));
  const start = lines.indexOf("```ts");
  const end = lines.indexOf("```", start + 1);
  return lines.slice(start + 1, end).join("\n");
}

describe("exampleCallCode", () => {
  it.each([
    { request: {}, want: "f({})" },
    { request: { JobId: "a" }, want: 'f({ JobId: "a" })' },
    { request: { "Filter.Name": 1 }, want: 'f({ "Filter.Name": 1 })' },
    { request: { A: [1, 2], B: null, C: true }, want: "f({ A: [1, 2], B: null, C: true })" },
    { request: { K: "`x`" }, want: 'f({ K: "\\u0060x\\u0060" })' },
    { request: { K: "*/" }, want: 'f({ K: "*/" })' },
    { request: { K: -0 }, want: "f({ K: -0 })" },
    {
      request: JSON.parse('{"__proto__":{"A":1}}') as { [k: string]: JsonValue },
      want: 'f({ ["__proto__"]: { A: 1 } })',
    },
  ])("given $request, writes $want", ({ request, want }) => {
    expect(exampleCallCode("f", request)).toBe(want);
  });

  it("breaks a long request into one member per line, nested objects too", () => {
    const long = "x".repeat(70);
    expect(exampleCallCode("client.go", { A: long, B: { C: long, D: 1 } }, [])).toBe(
      [
        "client.go({",
        `  A: "${long}",`,
        "  B: {",
        `    C: "${long}",`,
        "    D: 1,",
        "  },",
        "})",
      ].join("\n"),
    );
  });

  it("puts leading arguments before the request", () => {
    expect(exampleCallCode("go", { A: 1 }, ["client"])).toBe("go(client, { A: 1 })");
  });

  it("keeps only the required top-level parameters for the README's short form", () => {
    const input = loadFixtureIr("dts-seed").services[0]?.versions[0]?.actions[0]?.input ?? [];
    expect(requiredPart(input, { JobId: "j", JobName: "n", DstInfo: {} })).toEqual({ JobId: "j" });
  });
});

describe("JSDoc @example and @throws of an action", () => {
  const ir = seedWith([
    example({ JobId: "dts-1", MigrateOption: { RunMode: 1 } }, "Example 1 Modify"),
    example({ JobId: "second" }, "Example 2 Other"),
  ]);

  it("the function's JSDoc has the first example as a call and the error classes", () => {
    const doc = jsDocOf(operationsOf(ir), "modifyMigrateJob");
    expect(doc).toContain(
      [
        " * @example Example 1 Modify",
        " * ```ts",
        ' * const response = await modifyMigrateJob(client, { JobId: "dts-1", MigrateOption: { RunMode: 1 } });',
        " * ```",
      ].join("\n"),
    );
    expect(doc).not.toContain("Example 2");
    expect(throwsLines(doc)).toEqual([
      " * @throws {FailedOperationNotAllowOperationError} `FailedOperation.NotAllowOperation`",
      " * @throws {InternalErrorDatabaseError} `InternalError.DatabaseError`",
      " * @throws {InternalErrorDuplicateJobError} `InternalError.DuplicateJob`",
      " * @throws {InternalErrorProtocolError} `InternalError.ProtocolError`",
      " * @throws {InvalidParameterError} `InvalidParameter`",
      " * @throws {ResourceNotFoundJobNotExistError} `ResourceNotFound.JobNotExist`",
      " * @throws {TencentCloudError} and the common error classes (`AuthFailureError`, `InternalError`, `InvalidParameterError`, `RequestLimitExceededError`)",
    ]);
    // @example and @throws come before @see, which stays last.
    expect(doc.indexOf("@example")).toBeLessThan(doc.indexOf("@throws"));
    expect(doc.indexOf("@throws")).toBeLessThan(doc.indexOf("@see"));
  });

  it("the client method's JSDoc calls the method", () => {
    const doc = jsDocOf(clientOf(ir), "modifyMigrateJob");
    expect(exampleCode(doc)).toBe(
      'const response = await client.modifyMigrateJob({ JobId: "dts-1", MigrateOption: { RunMode: 1 } });',
    );
    expect(doc).toContain("@throws {ResourceNotFoundJobNotExistError}");
  });

  it("an action without codes of its own still names the common classes", () => {
    const doc = jsDocOf(operationsOf(seedWith([], [])), "modifyMigrateJob");
    expect(throwsLines(doc)).toEqual([
      " * @throws {TencentCloudError} and the common error classes (`AuthFailureError`, `InternalError`, `InvalidParameterError`, `RequestLimitExceededError`)",
    ]);
    expect(doc).not.toContain("@example");
  });

  it("prefers the first example the tables accept, else shows the page's first", () => {
    const accepted = seedWith([example({ NoSuchParameter: 1 }), example({ JobId: "ok" })]);
    expect(exampleCode(jsDocOf(operationsOf(accepted), "modifyMigrateJob"))).toContain('"ok"');
    const none = seedWith([example({ JobName: "no JobId" })]);
    expect(exampleCode(jsDocOf(operationsOf(none), "modifyMigrateJob"))).toContain('"no JobId"');
  });
});

describe("hostile example data in the JSDoc", () => {
  const hostile = [
    "*/ export const pwned = 1; /*",
    "```\n# heading",
    "line\u2028separator\u2029",
    "bidi \u202e override",
    "del \u007f and nul \u0000",
    "@see evil",
  ];
  const request = { JobId: hostile.join("|"), JobName: "*/", DatabaseInfo: "`" };

  it.each([
    ["operations.ts", () => operationsOf(seedWith([example(request, "Ex */ 1 ```")]))],
    ["client.ts", () => clientOf(seedWith([example(request, "Ex */ 1 ```")]))],
  ])("%s: the comment holds, the file parses and declares nothing new", (_, emit) => {
    const source = emit();
    const file = ts.createSourceFile("x.ts", source, ts.ScriptTarget.ES2022, true);
    const syntax = (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] })
      .parseDiagnostics;
    expect(syntax).toEqual([]);
    expect(source).not.toMatch(/^export const pwned/m);
    expect(source).not.toContain("\u2028");
    expect(source).not.toContain("\u202e");
  });

  it("the example call, read back from the JSDoc, sends exactly the page's values", () => {
    const doc = jsDocOf(clientOf(seedWith([example(request)])), "modifyMigrateJob");
    const code = exampleCode(doc);
    const argument = code.slice(code.indexOf("(") + 1, code.lastIndexOf(")"));
    // The object literal evaluated as JavaScript: the comment's escapes (`*\/`, `\u0060`, `\u2028`)
    // are the same characters inside string literals.
    const value: unknown = new Function(`return (${argument});`)();
    expect(value).toEqual(request);
  });
});
