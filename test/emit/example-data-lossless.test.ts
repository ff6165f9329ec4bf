/**
 * Example outputs reach the generated package losslessly, through the whole pipeline, from the
 * Markdown pages in test/fixtures/parse/example-data: a structure that contains itself (directly
 * and through another), an output with `123456789012345678901234567890`, `1e400` and a
 * `"__proto__"` key. The generated mock answers those bytes exactly, the generated client returns
 * the big integer as its decimal string, and the package type-checks, lints clean and passes its
 * own generated tests (which compare the typed result with the example output).
 * test/fixtures/parse/self-required holds a structure that requires itself ten times over: generating
 * it ends quickly (placeholders used to grow as 10^8 objects until memory ran out). Its example
 * leaves the required Head out, so the contract is widened (Head optional) and the example is sent
 * as written; the error codes are tested with it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCorpus, type CorpusCheck } from "../../generator/cli/corpus/check-corpus.js";
import { REPO_ROOT } from "./emit-fixture.js";

const FIXTURES = join(REPO_ROOT, "test", "fixtures", "parse");
const EXACT_OUTPUT =
  '{"Total":123456789012345678901234567890,"Size":1e400,"Tree":{"Name":"trunk","Children":[{"Name":"branch","Children":[]}]},"Meta":{"__proto__":{"polluted":"yes"},"constructor":"kept"},"RequestId":"6c3b2d5e-0000-4000-8000-000000000002"}';

interface MockModule {
  startTreeMock(options: { now: () => number }): Promise<{
    url: string;
    close(): Promise<void>;
    lastRequest(): { responseBody: string } | undefined;
  }>;
  MOCK_CREDENTIALS: { secretId: string; secretKey: string };
}

interface ClientModule {
  TreeClient: new (options: object) => {
    describeTree(request: object): Promise<Record<string, unknown>>;
    close(): void;
  };
}

describe("lossless example outputs through the whole pipeline", () => {
  let result: CorpusCheck;
  // Inside the repository, so that the generated tests resolve its node_modules.
  let out: string;
  beforeAll(async () => {
    mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
    out = mkdtempSync(join(REPO_ROOT, "tmp", "example-data-check-"));
    result = await checkCorpus({
      folder: join(FIXTURES, "example-data"),
      generate: true,
      outDir: out,
      lint: true,
      repoRoot: REPO_ROOT,
    });
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const packageDir = (): string => join(out, "packages", "tree");

  it("type-checks, lints clean and passes its generated example tests", () => {
    const page = result.pages.find((p) => p.kind === "action");
    expect(page?.diagnostics).toEqual([]);
    expect(page?.typeErrors).toEqual([]);
    expect(page?.lintProblems).toEqual([]);
    expect(page?.tests?.failures).toEqual([]);
    expect(page?.tests?.passed).toBeGreaterThanOrEqual(2);
  });

  it("gives the mock the output's text as written", () => {
    const mock = readFileSync(join(packageDir(), "src", "mock", "index.ts"), "utf8");
    expect(mock).toContain(`responseJson:\n            '${EXACT_OUTPUT}'`);
  });

  it("the generated mock answers the exact bytes and the client keeps every digit", async () => {
    const mockModule = (await import(
      pathToFileURL(join(packageDir(), "src", "mock", "index.ts")).href
    )) as MockModule;
    const clientModule = (await import(
      pathToFileURL(join(packageDir(), "src", "v20210101", "index.ts")).href
    )) as ClientModule;
    const now = Date.UTC(2026, 0, 1);
    const mock = await mockModule.startTreeMock({ now: () => now });
    const client = new clientModule.TreeClient({
      region: "ap-guangzhou",
      credentials: { ...mockModule.MOCK_CREDENTIALS },
      endpoint: mock.url,
      clock: { now: () => now, sleep: () => Promise.resolve() },
      rateLimit: false,
      maxAttempts: 1,
    });
    try {
      const answer = await client.describeTree({
        Name: "oak",
        Root: { Name: "trunk", Children: [{ Name: "branch" }] },
      });
      expect(mock.lastRequest()?.responseBody).toBe(`{"Response":${EXACT_OUTPUT}}`);
      expect(answer["Total"]).toBe("123456789012345678901234567890");
      expect(answer["Size"]).toBe(Infinity);
      expect(Object.keys(answer["Meta"] as object)).toEqual(["__proto__", "constructor"]);
    } finally {
      client.close();
      await mock.close();
    }
  });
});

describe("a structure that requires itself", () => {
  it("generates within seconds; the example is sent as written and the error codes with it", async () => {
    mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
    const out = mkdtempSync(join(REPO_ROOT, "tmp", "self-required-"));
    try {
      const check = await checkCorpus({
        folder: join(FIXTURES, "self-required"),
        generate: true,
        outDir: out,
        lint: true,
        repoRoot: REPO_ROOT,
      });
      const page = check.pages.find((p) => p.kind === "action");
      expect(page?.typeErrors).toEqual([]);
      expect(page?.lintProblems).toEqual([]);
      // The validator accepts the example (Head widened to optional) without looping through LoopNode.
      expect(page?.diagnostics.map((d) => d.code)).toContain("TCG077");
      expect(page?.tests?.failures).toEqual([]);
      expect(page?.tests?.passed).toBe(2);
      const test = readFileSync(
        join(out, "packages", "loop", "test", "v20210101", "examples.ts"),
        "utf8",
      );
      expect(test).toContain("Every example is sent to the mock.");
      expect(test).not.toContain("validator rejects");
      expect(test).toContain('"FailedOperation.Loop"');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
