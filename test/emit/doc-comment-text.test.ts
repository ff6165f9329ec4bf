/**
 * JSDoc text: prose is wrapped at word boundaries to 90 columns (so a generated JSDoc line stays
 * within 100), code, tables and @see/@example lines are left as they are, and the callable
 * statuses are said once.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actionFacts } from "../../generator/emit/typescript/action-facts.js";
import { docCommentText } from "../../generator/emit/typescript/page-text.js";
import type { Action } from "../../generator/ir/types.js";
import { emitFixture } from "./emit-fixture.js";

const WIDTH = 90;
const words = (n: number, word = "lorem") => Array.from({ length: n }, () => word).join(" ");

describe("docCommentText wrapping", () => {
  it("wraps a long prose line at spaces, keeping every word in order", () => {
    const line = `${words(30)} ipsum.`;
    const lines = (docCommentText(line) ?? "").split("\n");
    expect(lines.length).toBe(3);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(WIDTH);
    expect(lines.join(" ")).toBe(line);
  });

  it("leaves a line of 90 characters as it is", () => {
    const line = "x".repeat(40) + " " + "y".repeat(49);
    expect(docCommentText(line)).toBe(line);
  });

  it("never breaks a URL or another word longer than the width", () => {
    const url = `https://example.com/${"a".repeat(120)}`;
    expect(docCommentText(`See ${url} for more.`)).toBe(`See\n${url}\nfor more.`);
  });

  it("keeps @see lines, @example bodies, fenced and indented code and table rows", () => {
    const code = `const x = { ${words(25, "a: 1,")} };`;
    const text = [
      `@see ${"dir/".repeat(30)}page.md:12`,
      `@example Example 1 ${words(20)}`,
      code,
      "@remarks",
      "```ts",
      code,
      "```",
      `    ${code}`,
      `| ${words(30, "cell |")}`,
    ].join("\n");
    expect(docCommentText(text)).toBe(text);
  });

  it("wraps other tag lines with an indented continuation, list items under their text", () => {
    expect(docCommentText(`@throws {SomeError} ${words(20)}`)).toBe(
      `@throws {SomeError} ${words(11)}\n  ${words(9)}`,
    );
    expect(docCommentText(`- ${words(20)}`)).toBe(`- ${words(14)}\n  ${words(6)}`);
    expect(docCommentText(`12. ${words(20)}`)).toBe(`12. ${words(14)}\n    ${words(6)}`);
  });

  it("starts no wrapped line with a tag, list, heading or quote marker, or a fence", () => {
    for (const marker of ["@tag", "-", "+", "*", "#", ">", "|", "3.", "```"]) {
      const text = `${words(14)} ${marker} ${words(10)}`;
      const lines = (docCommentText(text) ?? "").split("\n");
      expect(lines.length).toBe(2);
      expect(lines[1]).toBe(words(10));
    }
  });

  it("holds for any prose: words kept, no marker starts a line, long lines only when forced", () => {
    const marker = (word: string) => /^(?:[@#>*+|-]|\d+[.)]$|```)/.test(word);
    const word = fc.stringMatching(/^[a-z@#>*+|`.\-0-9]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), (list) => {
        fc.pre(!marker(list[0] ?? "") && !/^[`|]/.test(list[0] ?? ""));
        const lines = (docCommentText(list.join(" ")) ?? "").split("\n");
        expect(lines.join(" ")).toBe(list.join(" "));
        for (const line of lines.slice(1)) expect(marker(line.split(" ")[0] ?? "")).toBe(false);
        for (const line of lines) {
          const lineWords = line.split(" ");
          // Over the width only as one word, or because the next word could not start a line.
          if (line.length > WIDTH && lineWords.length > 1) {
            expect(marker(lineWords[lineWords.length - 1] ?? "")).toBe(true);
          }
        }
      }),
    );
  });
});

describe("actionFacts", () => {
  const action = (description: string, callableStatuses?: string[]): Action =>
    ({
      name: "A",
      description,
      rateLimitPerSecond: 20,
      ...(callableStatuses === undefined ? {} : { callableStatuses }),
    }) as Action;

  it("says the callable statuses once: not again when the description lists them", () => {
    const description =
      "This API can be called when the task is in the following statuses: Created; Running.";
    expect(actionFacts(action(description, ["Created", "Running"]))).toBe(
      "Rate limit: 20 requests per second.",
    );
  });

  it("states them when the description does not", () => {
    expect(actionFacts(action("Lists things.", ["Created", "Running"]))).toBe(
      "Rate limit: 20 requests per second.\nCallable in these statuses: Created; Running.",
    );
  });
});

describe("generated JSDoc", () => {
  it.each(["dts-seed", "edge-cases", "widened"])(
    "of %s has no line over 100 columns but a single unbreakable word",
    async (fixture) => {
      const long: string[] = [];
      for (const file of await emitFixture(fixture)) {
        // The runtime is copied as written, not emitted.
        if (file.path.includes("/runtime/")) continue;
        file.content.split("\n").forEach((line, i) => {
          const doc = /^\s*(?:\/\*\*|\*)\s?(.*?)(?:\*\/)?$/.exec(line)?.[1]?.trim();
          if (doc === undefined || line.length <= 100 || !doc.includes(" ")) return;
          long.push(`${file.path}:${i + 1}`);
        });
      }
      expect(long).toEqual([]);
    },
  );
});
