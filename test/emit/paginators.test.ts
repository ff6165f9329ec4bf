/**
 * Paginators end to end: fixture pages (test/fixtures/paginate) whose examples are the pages of a
 * 5-item list go through the real pipeline; the generated paginate<Action> functions walk every
 * page over real HTTP against the package's own mock, which answers each page's documented example.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPipeline } from "../../generator/pipeline.js";
import { REPO_ROOT, typeCheck } from "./emit-fixture.js";

const FIXTURE = join(REPO_ROOT, "test", "fixtures", "paginate");
const PINNED_MS = 1_767_225_600_000;

interface MockServer {
  readonly url: string;
  close(): Promise<void>;
}
type Paginate = (client: unknown, request: object) => AsyncIterable<unknown>;

let out: string;
let api: Record<string, unknown>;
let mock: MockServer;
let client: { close(): void };
let infos: string[];

beforeAll(async () => {
  mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
  out = mkdtempSync(join(REPO_ROOT, "tmp", "paginators-"));
  const result = await runPipeline({ inputs: [FIXTURE], outDir: join(out, "out") });
  expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  infos = result.diagnostics.map((d) => `${d.code} ${d.message.split(" ")[0] ?? ""}`);
  api = (await import(join(out, "out", "paging", "src", "v20200101", "index.ts"))) as Record<
    string,
    unknown
  >;
  const mockModule = (await import(join(out, "out", "paging", "src", "mock", "index.ts"))) as {
    startPagingMock: (options: { now: () => number }) => Promise<MockServer>;
    MOCK_CREDENTIALS: object;
  };
  mock = await mockModule.startPagingMock({ now: () => PINNED_MS });
  const PagingClient = api["PagingClient"] as new (options: object) => { close(): void };
  client = new PagingClient({
    region: "ap-guangzhou",
    credentials: { ...mockModule.MOCK_CREDENTIALS },
    endpoint: mock.url,
    clock: { now: () => PINNED_MS, sleep: () => Promise.resolve() },
    rateLimit: false,
    maxAttempts: 1,
  });
}, 120_000);

afterAll(async () => {
  client.close();
  await mock.close();
  rmSync(out, { recursive: true, force: true });
});

async function collect(name: string, request: object): Promise<unknown[]> {
  const paginate = api[name] as Paginate;
  const seen: unknown[] = [];
  for await (const item of paginate(client, request)) seen.push(item);
  return seen;
}

describe("generated paginators", () => {
  it("are reported by one TCG096 info per paginated action", () => {
    expect(infos.sort()).toEqual([
      "TCG096 DescribeTextThings",
      "TCG096 DescribeThings",
      "TCG096 DescribeUsers",
    ]);
  });

  it("walk Offset/Limit pages until TotalCount", async () => {
    const ids = await collect("paginateDescribeThings", { Limit: 2 });
    expect(ids).toEqual(["t-1", "t-2", "t-3", "t-4", "t-5"].map((ThingId) => ({ ThingId })));
  });

  it("yield whole responses from the pages variant", async () => {
    const pages = (await collect("paginateDescribeThingsPages", { Offset: 0, Limit: 2 })) as {
      RequestId: string;
    }[];
    expect(pages.map((p) => p.RequestId)).toEqual(["r-0", "r-2", "r-4"]);
  });

  it("start where the request's own Offset says", async () => {
    const ids = await collect("paginateDescribeThings", { Offset: 2, Limit: 2 });
    expect(ids).toEqual(["t-3", "t-4", "t-5"].map((ThingId) => ({ ThingId })));
  });

  it("walk PageNumber/PageSize pages until Total", async () => {
    const ids = await collect("paginateDescribeUsers", { PageNumber: 1, PageSize: 2 });
    expect(ids).toEqual(["u-1", "u-2", "u-3", "u-4", "u-5"].map((UserId) => ({ UserId })));
  });

  it("send offsets as text where the docs type them as String", async () => {
    const ids = await collect("paginateDescribeTextThings", { Offset: "0", Limit: "2" });
    expect(ids).toHaveLength(5);
  });

  it("type their items as the list's element type", () => {
    const dir = join(out, "out", "paging");
    const source = readFileSync(join(dir, "src", "v20200101", "paginators.ts"), "utf8");
    expect(source).toContain(
      'type DescribeThingsItem = NonNullable<DescribeThingsResponse["ThingSet"]>[number];',
    );
    expect(source).toContain("): AsyncGenerator<DescribeThingsItem, void, undefined> {");
    // The item type reaches callers (inferred from the return type, not written at the call): a
    // use that needs it to be the structure type-checks, one that needs another type does not.
    const use = (type: string) =>
      [
        'import { paginateDescribeThings } from "./src/v20200101/paginators.js";',
        'import type { CoreClient } from "./src/runtime/client.js";',
        'import type { Thing } from "./src/v20200101/types.js";',
        "export async function first(client: CoreClient): Promise<void> {",
        `  for await (const item of paginateDescribeThings(client, {})) { const t: ${type} = item; void t; }`,
        "}",
        "",
      ].join("\n");
    writeFileSync(join(dir, "use-thing.ts"), use("Thing"));
    writeFileSync(join(dir, "use-number.ts"), use("number"));
    expect(typeCheck([join(dir, "use-thing.ts")])).toEqual([]);
    expect(typeCheck([join(dir, "use-number.ts")]).join("\n")).toContain("is not assignable");
  });
});
