/** Given/want for the runtime's paging loop (templates/runtime/paginate.ts), with a fake sender. */
import { describe, expect, it } from "vitest";
import { paginateItems, paginatePages, type PagingRule } from "../../templates/runtime/paginate.js";

const OFFSET: PagingRule = {
  style: "offset",
  start: "Offset",
  size: "Limit",
  numbersAsText: false,
  total: "TotalCount",
  items: "Items",
};
const PAGE: PagingRule = { ...OFFSET, style: "page", start: "PageNumber", size: "PageSize" };

/** A server over `all` items that records what it was asked. */
function server(all: number[], total: number | string | undefined, rule: PagingRule) {
  const asked: Record<string, unknown>[] = [];
  const send = (request: Record<string, unknown>) => {
    asked.push(request);
    const size = Number(request[rule.size] ?? 3);
    const at = Number(request[rule.start]);
    const from = rule.style === "offset" ? at : (at - 1) * size;
    const page = {
      Items: all.slice(from, from + size),
      ...(total === undefined ? {} : { TotalCount: total }),
    };
    return Promise.resolve(page);
  };
  return { asked, send };
}

async function items(
  rule: PagingRule,
  request: Record<string, unknown>,
  all: number[],
  total?: number | string,
) {
  const { asked, send } = server(all, total, rule);
  const seen: number[] = [];
  for await (const item of paginateItems<number, Record<string, unknown>, object>(
    send,
    request,
    rule,
  ))
    seen.push(item);
  return { seen, asked: asked.map((r) => r[rule.start]) };
}

describe("paginate", () => {
  it("moves the offset by the items received and stops at the total", async () => {
    expect(await items(OFFSET, { Limit: 2 }, [1, 2, 3, 4, 5], 5)).toEqual({
      seen: [1, 2, 3, 4, 5],
      asked: [0, 2, 4],
    });
  });

  it("stops at an empty page when there is no total", async () => {
    expect(await items(OFFSET, { Limit: 2 }, [1, 2, 3], undefined)).toEqual({
      seen: [1, 2, 3],
      asked: [0, 2, 3],
    });
  });

  it("reads a total given as decimal text (big-integer mode)", async () => {
    expect((await items(OFFSET, { Limit: 2 }, [1, 2, 3], "3")).asked).toEqual([0, 2]);
  });

  it("keeps the caller's other fields and starting offset", async () => {
    const { asked, send } = server([1, 2, 3, 4], 4, OFFSET);
    for await (const page of paginatePages(send, { Offset: 1, Limit: 2, Filter: "x" }, OFFSET))
      void page;
    expect(asked).toEqual([
      { Offset: 1, Limit: 2, Filter: "x" },
      { Offset: 3, Limit: 2, Filter: "x" },
    ]);
  });

  it("sends decimal text where the docs type the offset as String", async () => {
    const rule = { ...OFFSET, numbersAsText: true };
    expect((await items(rule, { Limit: "2" }, [1, 2, 3], 3)).asked).toEqual(["0", "2"]);
  });

  it("counts pages from 1 and stops at a short page", async () => {
    expect(await items(PAGE, { PageSize: 2 }, [1, 2, 3, 4, 5], undefined)).toEqual({
      seen: [1, 2, 3, 4, 5],
      asked: [1, 2, 3],
    });
  });

  it("stops a page-numbered list when the pages reach the total", async () => {
    expect((await items(PAGE, { PageSize: 2 }, [1, 2, 3, 4], 4)).asked).toEqual([1, 2]);
  });
});
