/**
 * Given example data, want TypeScript expressions that evaluate to exactly that data (own
 * `__proto__` keys, every digit), and generated test/mock files in which page text is only ever
 * inside string literals or comments. (Example outputs stay JSON text: the harness reads them,
 * test/test-harness/expected-value.test.ts.)
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { emitExampleTests } from "../../generator/emit/example-tests/emit-example-tests.js";
import { jsonValueCode } from "../../generator/emit/typescript/json-code.js";
import { emitMock } from "../../generator/emit/mock/emit-mock.js";
import type { JsonValue } from "../../generator/ir/types.js";
import { compactJson, jsonNestingDepth, memberText } from "../../generator/parse/example-json.js";
import { fixtureIr } from "../mock/ir-fixture.js";
import { renderEmitted } from "./emit-fixture.js";

/** Evaluates a generated expression (test-only: the generator itself never evaluates code). */
function evaluate(code: string): unknown {
  return new Function(`return (${code});`)() as unknown;
}

describe("jsonValueCode", () => {
  it.each<{ name: string; value: JsonValue }>([
    { name: "scalars", value: { a: "x", b: 1.5, c: -2, d: true, e: null } },
    { name: "nesting", value: { a: [{ b: [1, 2] }, []], c: {} } },
    { name: "keys that are no identifiers", value: { "Foo-Bar": 1, "1st": 2, "": 3 } },
  ])("writes ordinary data exactly as JSON.stringify did: $name", ({ value }) => {
    expect(jsonValueCode(value)).toBe(JSON.stringify(value));
  });

  it("keeps a __proto__ key as an own member (a plain member would set the prototype)", () => {
    const value = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": 1}') as JsonValue;
    const code = jsonValueCode(value);
    expect(code).toBe('{["__proto__"]:{"polluted":"yes"},"constructor":1}');
    const result = evaluate(code) as object;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(["__proto__", "constructor"]);
  });

  it("writes page strings through stringLiteral (U+2028 and < escaped)", () => {
    expect(jsonValueCode("a\u2028</script>")).toBe('"a\\u2028\\u003c/script>"');
  });
});

describe("example JSON text", () => {
  it.each([
    { text: "{}", want: 1 },
    { text: '{"a":[{"b":[]}]}', want: 4 },
    { text: '{"a":"[[[[{{{"}', want: 1 },
    { text: '{"a":"\\"[["}', want: 1 },
    { text: "1", want: 0 },
  ])("the nesting depth of $text is $want", ({ text, want }) => {
    expect(jsonNestingDepth(text)).toBe(want);
  });

  it("compacts whitespace between tokens only", () => {
    expect(compactJson('{ "a b" : [ 1 ,\n 2 ] }')).toBe('{"a b":[1,2]}');
  });

  it.each([
    { text: '{"Response":{"A":1},"X":2}', want: '{"A":1}' },
    { text: '{"X":{"Response":0},"Response":[1,{"a":"}"}]}', want: '[1,{"a":"}"}]' },
    { text: '{"Response":1,"Response":"last"}', want: '"last"' },
    { text: '{"X":1}', want: undefined },
  ])("the top-level Response member of $text", ({ text, want }) => {
    expect(memberText(text, "Response")).toBe(want);
  });
});

/** Identifiers in the file's code (string literals and comments are not code). */
function identifiers(path: string, text: string): Set<string> {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

describe("page text in generated example tests and mocks", () => {
  const payload = 'Pwn */ process.exit(1); /* ` ${process.exit(2)} " \u2028 </script>';
  const hostile = structuredClone(fixtureIr);
  const action = hostile.services[0]?.versions[0]?.actions[1];
  const example = action?.examples[0];
  if (action === undefined || example === undefined) throw new Error("fixture changed");
  (action as { examples: unknown }).examples = [
    {
      ...example,
      title: payload,
      request: { ...example.request, [payload]: payload },
      responseJson: JSON.stringify({ [payload]: payload, RequestId: "r" }),
      response: { [payload]: payload, RequestId: "r" },
    },
  ];
  (action as { errors: unknown }).errors = [
    { code: "FailedOperation", description: payload, position: example.position },
  ];

  it.each([
    ["example tests", renderEmitted(hostile, [emitExampleTests])],
    ["mock", renderEmitted(hostile, [emitMock]).filter((f) => f.path.endsWith("mock/index.ts"))],
  ])("%s: the payload is only data", (_name, files) => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(identifiers(file.path, file.content).has("process")).toBe(false);
      const parsed = ts.createSourceFile(file.path, file.content, ts.ScriptTarget.Latest);
      const diagnostics = (parsed as unknown as { parseDiagnostics: readonly unknown[] })
        .parseDiagnostics;
      expect(diagnostics).toEqual([]);
    }
  });
});
