/**
 * Paging through a list action: one call per page, each asking for the next page, until the
 * response's total is reached or a page comes back empty. Generated `paginate<Action>` functions
 * are one line over these two.
 */
import type { CallOptions, CoreClient } from "./client.js";

/** Which request parameters move through the results and which response fields hold them. */
export interface PagingRule {
  /** `offset`: `start` counts items (Offset/Limit); `page`: `start` counts pages from 1. */
  readonly style: "offset" | "page";
  readonly start: string;
  readonly size: string;
  /** The docs type `start` and `size` as String: decimal text is sent. */
  readonly numbersAsText: boolean;
  readonly total: string;
  readonly items: string;
}

type Fields = { readonly [key: string]: unknown };

/**
 * An action's function as operations.ts exports it, bound to a client and call options: what
 * paginatePages and paginateItems send each page's request with.
 */
export function sendWith<Req, Res>(
  operation: (client: CoreClient, request: Req, options?: CallOptions) => Promise<Res>,
  client: CoreClient,
  options: CallOptions | undefined,
): (request: Req) => Promise<Res> {
  return (request) => operation(client, request, options);
}

/** Every page, from the one the request asks for (its own `start`, else the first). */
export async function* paginatePages<Req extends object, Res extends object>(
  send: (request: Req) => Promise<Res>,
  request: Req,
  rule: PagingRule,
): AsyncGenerator<Res, void, undefined> {
  const asked = request as Fields;
  let start = numberOf(asked[rule.start]) ?? (rule.style === "offset" ? 0 : 1);
  let pageSize = numberOf(asked[rule.size]);
  for (;;) {
    const value = rule.numbersAsText ? String(start) : start;
    const page = await send({ ...request, [rule.start]: value });
    yield page;
    const items = (page as Fields)[rule.items];
    const count = Array.isArray(items) ? items.length : 0;
    if (count === 0) return;
    pageSize ??= count;
    const total = numberOf((page as Fields)[rule.total]);
    if (rule.style === "offset") {
      start += count;
      if (total !== undefined && start >= total) return;
    } else {
      // A short page is the last one; so is the page that reaches the total.
      if (count < pageSize || (total !== undefined && start * pageSize >= total)) return;
      start += 1;
    }
  }
}

/** Every item of every page, in order. */
export async function* paginateItems<Item, Req extends object, Res extends object>(
  send: (request: Req) => Promise<Res>,
  request: Req,
  rule: PagingRule,
): AsyncGenerator<Item, void, undefined> {
  for await (const page of paginatePages(send, request, rule)) {
    const items = (page as Fields)[rule.items];
    if (Array.isArray(items)) yield* items as Item[];
  }
}

/**
 * A count from a response or request: a number, or decimal text (big-integer mode, String docs).
 */
function numberOf(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
