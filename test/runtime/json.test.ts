import { describe, expect, it } from "vitest";
import {
  parseResponseBody,
  quoteUnsafeIntegers,
  serializeRequestBody,
} from "../../templates/runtime/json.js";

describe("serializeRequestBody", () => {
  it.each([
    { name: "plain object", given: { JobId: "dts-1", N: 3 }, want: '{"JobId":"dts-1","N":3}' },
    { name: "undefined fields dropped", given: { a: undefined, b: 1 }, want: '{"b":1}' },
    { name: "empty object", given: {}, want: "{}" },
    { name: "undefined request", given: undefined, want: "{}" },
    { name: "control chars", given: { s: "\n\t\u0001" }, want: '{"s":"\\n\\t\\u0001"}' },
    {
      name: "U+2028 escaped like the official SDK",
      given: { s: "a\u2028b" },
      want: '{"s":"a\\u2028b"}',
    },
    { name: "DEL and C1 escaped", given: { s: "\u007f\u0085" }, want: '{"s":"\\u007f\\u0085"}' },
    {
      name: "soft hyphen, BOM, U+FFFF",
      given: { s: "\u00ad\ufeff\uffff" },
      want: '{"s":"\\u00ad\\ufeff\\uffff"}',
    },
    { name: "CJK and emoji kept raw", given: { s: "迁移😀" }, want: '{"s":"迁移😀"}' },
    {
      name: "bigint as bare literal",
      given: { n: 18446744073709551615n, m: [1n] },
      want: '{"n":18446744073709551615,"m":[1]}',
    },
  ])("$name", ({ given, want }) => {
    expect(serializeRequestBody(given)).toBe(want);
  });

  it("is valid JSON that parses back to the same strings", () => {
    const value = { s: "\u2028\u00ad\u0600\u17b4\u206f\ufff0 ok" };
    expect(JSON.parse(serializeRequestBody(value))).toEqual(value);
  });
});

describe("parseResponseBody", () => {
  it.each([
    {
      name: "small numbers stay numbers",
      given: '{"a":1,"b":-2.5,"c":1e21}',
      want: { a: 1, b: -2.5, c: 1e21 },
    },
    {
      name: "max safe integer stays a number",
      given: '{"a":9007199254740991}',
      want: { a: 9007199254740991 },
    },
    {
      name: "2^53 becomes a string",
      given: '{"a":9007199254740992}',
      want: { a: "9007199254740992" },
    },
    {
      name: "uint64 max becomes a string",
      given: '{"a":[18446744073709551615,-9223372036854775808]}',
      want: { a: ["18446744073709551615", "-9223372036854775808"] },
    },
    {
      name: "digits inside strings untouched",
      given: '{"s":"12345678901234567890","t":"a\\"99999999999999999"}',
      want: { s: "12345678901234567890", t: 'a"99999999999999999' },
    },
    {
      name: "long float untouched",
      given: '{"f":1234567890123456789.5}',
      want: { f: Number("1234567890123456789.5") },
    },
  ])("$name", ({ given, want }) => {
    expect(parseResponseBody(given)).toEqual(want);
  });

  it("quoteUnsafeIntegers leaves text without unsafe integers as is", () => {
    const text = '{"a":"99999999999999999999","b":[1,2,3]}';
    expect(quoteUnsafeIntegers(text)).toBe(text);
  });

  it("throws on invalid JSON", () => {
    expect(() => parseResponseBody("<html>")).toThrow(SyntaxError);
  });
});
