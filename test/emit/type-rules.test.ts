/**
 * The type rules (generator/types/type-rules.ts) are one definition in three forms: the runtime
 * predicate, the inline test generated validators write, and the JSON Schema fragment. Here the
 * inline test is evaluated and held to the runtime predicate over any values (JSON and not:
 * bigint, NaN, Infinity, -0, undefined); the schema form is held to the others by
 * test/differential. Given/want: which values each documented type accepts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as runtime from "../../templates/runtime/validation.js";
import type { JsonValue, PrimitiveName, Structure, TypeRef } from "../../generator/ir/types.js";
import {
  accepts,
  ANYTHING,
  PRIMITIVE_RULES,
  RESPONSE_INTEGER,
  typeProblems,
  type ScalarRule,
} from "../../generator/types/type-rules.js";

const RULES: [string, ScalarRule][] = [
  ...Object.entries(PRIMITIVE_RULES),
  ["response integer", RESPONSE_INTEGER],
  ["anything", ANYTHING],
];

const anyValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1.5, 2 ** 60, "12", "-3", "1.0", ""),
  fc.bigInt(),
);

/** The inline test as a function of `v`, with `$rt` bound to the runtime module. */
function inlineFunction(rule: ScalarRule): (v: unknown) => boolean {
  if (rule.inline === undefined) return () => true;
  const f = new Function("$rt", "v", `return ${rule.inline("v", "$rt")};`) as (
    rt: unknown,
    v: unknown,
  ) => boolean;
  return (v) => f(runtime, v);
}

describe.each(RULES)("rule %s", (_, rule) => {
  it("its inline test decides as the runtime predicate", () => {
    const inline = inlineFunction(rule);
    fc.assert(
      fc.property(anyValue, (v) => inline(v) === accepts(rule, v)),
      { numRuns: 2000 },
    );
  });

  it("names runtime helpers that exist", () => {
    expect(typeof runtime[rule.is]).toBe("function");
    expect(typeof runtime[rule.collect]).toBe("function");
  });
});

const prim = (name: PrimitiveName): TypeRef => ({ kind: "primitive", name, docType: name });

describe("typeProblems", () => {
  const structures = new Map<string, Structure>([
    [
      "S",
      {
        name: "S",
        description: "",
        open: false,
        position: { file: "x.md", line: 1, column: 1 },
        fields: [
          {
            name: "Id",
            required: true,
            type: prim("integer"),
            description: "",
            nullable: true,
            position: { file: "x.md", line: 2, column: 1 },
          },
        ],
      },
    ],
  ]);
  const s: TypeRef = { kind: "struct", name: "S", docType: "S" };
  it.each([
    { type: prim("integer"), value: 1, want: [] },
    { type: prim("integer"), value: 1.5, want: [{ path: "", kind: "wrong-type" }] },
    { type: prim("float"), value: 1.5, want: [] },
    { type: prim("stringOrNumber"), value: "a", want: [] },
    { type: prim("date"), value: 20190101, want: [{ path: "", kind: "wrong-type" }] },
    { type: prim("object"), value: [], want: [{ path: "", kind: "wrong-type" }] },
    { type: s, value: { Id: null }, want: [] },
    { type: s, value: {}, want: [{ path: ".Id", kind: "missing" }] },
    { type: s, value: { Id: 1, Ix: 2 }, want: [{ path: ".Ix", kind: "unknown-key" }] },
    {
      type: { kind: "array", element: s, docType: "Array of S" } as TypeRef,
      value: [{ Id: 1 }, { Id: "x" }],
      want: [{ path: ".1.Id", kind: "wrong-type" }],
    },
    {
      type: { kind: "union", options: [prim("integer"), prim("string")], docType: "u" } as TypeRef,
      value: true,
      want: [{ path: "", kind: "wrong-type" }],
    },
  ])("given $type.docType and $value, wants $want", ({ type, value, want }) => {
    expect(typeProblems(type, value as JsonValue, structures)).toEqual(want);
  });
});
