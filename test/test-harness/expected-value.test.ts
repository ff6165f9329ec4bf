/**
 * Given a documented output's JSON text, want the value the generated client returns for it:
 * every digit kept (unsafe integers as decimal strings), 1e400 as Infinity, own `__proto__` keys,
 * any nesting. The runtime's own parser is the reference for ordinary text (fast-check).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseResponseBody } from "../../templates/runtime/json.js";
import { expectedValue } from "../../templates/test-harness/expected-value.js";

describe("expectedValue", () => {
  it.each([
    { json: '{"A":1,"B":"x"}', want: { A: 1, B: "x" } },
    {
      json: '{"Total":123456789012345678901234567890,"Neg":-98765432109876543210}',
      want: { Total: "123456789012345678901234567890", Neg: "-98765432109876543210" },
    },
    { json: '{"Safe":9007199254740991,"F":1.50}', want: { Safe: 9007199254740991, F: 1.5 } },
    { json: '{"Big":1e400,"Small":-1e400}', want: { Big: Infinity, Small: -Infinity } },
    {
      json: '{ "A" : [ {"B":[]} ] , "C":{}, "D": null, "E": [true, false] }',
      want: { A: [{ B: [] }], C: {}, D: null, E: [true, false] },
    },
    { json: '{"S":"a \\"quoted\\" : , { ] text"}', want: { S: 'a "quoted" : , { ] text' } },
  ])("$json is what the client returns", ({ json, want }) => {
    expect(expectedValue(json)).toEqual(want);
  });

  it("keeps the sign of -0", () => {
    expect(Object.is((expectedValue('{"Z":-0}') as { Z: number }).Z, -0)).toBe(true);
  });

  it("keeps a __proto__ key as an own key, and a string that looks like a key as a value", () => {
    const result = expectedValue('{"__proto__":{"a":"__proto__"}}') as object;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(["__proto__"]);
    expect(Object.getOwnPropertyDescriptor(result, "__proto__")?.value).toEqual({ a: "__proto__" });
  });

  it("reads any nesting without recursion", () => {
    const depth = 20_000;
    let value = expectedValue(`{"A":${"[".repeat(depth)}${"]".repeat(depth)}}`) as unknown;
    let levels = 0;
    value = (value as { A: unknown }).A;
    while (Array.isArray(value) && value.length > 0) {
      value = value[0];
      levels++;
    }
    expect(levels).toBe(depth - 1);
  });

  it.each(["", "{", '{"A":1', '{"A":1}}', '{"A" 1}', "{} {}", '{"A":tru}'])(
    "refuses %j, which is no JSON text",
    (json) => {
      expect(() => expectedValue(json)).toThrow();
    },
  );

  it("agrees with the runtime's parser on any JSON text, big integers included", () => {
    const bigInteger = fc
      .bigInt({ min: -(10n ** 30n), max: 10n ** 30n })
      .map((n) => new NumberToken(n.toString()));
    const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.string(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        bigInteger,
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.string(), fc.constant("__proto__")), tie("value"), {
          maxKeys: 4,
        }),
      ),
    })).value;
    fc.assert(
      fc.property(value, (v) => {
        const json = toJson(v);
        expect(expectedValue(json)).toEqual(parseResponseBody(json));
      }),
    );
  });
});

/** A number literal written as it is (a big integer as the page has it). */
class NumberToken {
  constructor(readonly text: string) {}
}

/** JSON text of `value`, each NumberToken as a bare number literal. */
function toJson(value: unknown): string {
  if (value instanceof NumberToken) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`);
    return `{${members.join(",")}}`;
  }
  return JSON.stringify(value);
}
