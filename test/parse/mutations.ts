/**
 * Mutations of real pages for property tests: truncation, a deleted cell, extra cells, shuffled
 * sections, random bytes, a huge cell. Each is a function of the page text, chosen by fast-check.
 */
import fc from "fast-check";

export type Mutation = (text: string) => string;

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (n): Mutation =>
      (t) =>
        t.slice(0, n % (t.length + 1)),
  ),
  fc.nat().map((n): Mutation => (t) => {
    const lines = t.split("\n");
    const i = n % lines.length;
    lines[i] = (lines[i] ?? "").replace(/\|[^|]*\|/, "|");
    return lines.join("\n");
  }),
  fc.nat().map((n): Mutation => (t) => {
    const lines = t.split("\n");
    const i = n % lines.length;
    lines[i] = `${lines[i] ?? ""} extra | cell |`;
    return lines.join("\n");
  }),
  fc.array(fc.nat(), { minLength: 1, maxLength: 8 }).map((order): Mutation => (t) => {
    const sections = t.split(/\n(?=## )/);
    const shuffled = [...sections].sort(
      (a, b) =>
        (order[sections.indexOf(a) % order.length] ?? 0) -
        (order[sections.indexOf(b) % order.length] ?? 0),
    );
    return shuffled.join("\n");
  }),
  fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 64 })).map(([n, bytes]): Mutation => (t) => {
    const at = n % (t.length + 1);
    return t.slice(0, at) + Buffer.from(bytes).toString("latin1") + t.slice(at);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1_000, max: 200_000 })).map(([n, size]): Mutation => (t) => {
    const at = t.indexOf("|", n % (t.length + 1));
    return at < 0 ? t : `${t.slice(0, at + 1)}${"x".repeat(size)}${t.slice(at + 1)}`;
  }),
);
