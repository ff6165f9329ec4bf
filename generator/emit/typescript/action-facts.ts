/** What the docs say about calling an action, for its JSDoc (request type, function, method). */
import type { Action } from "../../ir/types.js";

/** The rate limit and callable statuses, as JSDoc lines. */
export function actionFacts(action: Action): string | undefined {
  const lines: string[] = [];
  if (action.rateLimitPerSecond !== undefined) {
    lines.push(`Rate limit: ${action.rateLimitPerSecond} requests per second.`);
  }
  const statuses = action.callableStatuses ?? [];
  // Parse finds the statuses in a sentence it keeps in the description ("can be called when the
  // task is in the following statuses: ..."); they are said again only when the prose lacks them.
  if (statuses.length > 0 && !statuses.every((s) => action.description.includes(s))) {
    lines.push(`Callable in these statuses: ${statuses.join("; ")}.`);
  }
  if (action.finance?.supported === true) {
    lines.push(`Supports finance regions (host ${action.finance.hostTemplate}).`);
  }
  return lines.length === 0 ? undefined : lines.join("\n");
}
