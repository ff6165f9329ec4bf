/** What the docs say about calling an action, for its JSDoc (request type, function, method). */
import type { Action } from "../../ir/types.js";

/** The rate limit and callable statuses, as JSDoc lines. */
export function actionFacts(action: Action): string | undefined {
  const lines: string[] = [];
  if (action.rateLimitPerSecond !== undefined) {
    lines.push(`Rate limit: ${action.rateLimitPerSecond} requests per second.`);
  }
  if (action.callableStatuses !== undefined && action.callableStatuses.length > 0) {
    lines.push(`Callable in these statuses: ${action.callableStatuses.join("; ")}.`);
  }
  if (action.finance?.supported === true) {
    lines.push(`Supports finance regions (host ${action.finance.hostTemplate}).`);
  }
  return lines.length === 0 ? undefined : lines.join("\n");
}
