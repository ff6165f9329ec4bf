/**
 * Faults a test can queue on the mock server. Each applies to one upcoming request (in the order
 * queued), optionally only to one action, before the request is checked.
 */
export type MockFault =
  /** Destroy the socket without answering. */
  | { readonly kind: "drop" }
  /** Answer with this HTTP status (default 500) and a plain-text body. */
  | { readonly kind: "http-status"; readonly status?: number; readonly body?: string }
  /** Wait this long (on the real timer) before handling the request normally. */
  | { readonly kind: "delay"; readonly ms: number }
  /** Answer with RequestLimitExceeded (HTTP 200, Tencent's error shape). */
  | { readonly kind: "throttle" }
  /**
   * Pretend the server clock is off by this many seconds for this request (Date header and
   * timestamp check).
   */
  | { readonly kind: "skew-clock"; readonly seconds: number };

export interface QueuedFault {
  readonly fault: MockFault;
  /** Only a request for this action consumes the fault; undefined matches any request. */
  readonly action: string | undefined;
}

/** Removes and returns the first queued fault that applies to `action`. */
export function takeFault(queue: QueuedFault[], action: string | undefined): MockFault | undefined {
  const index = queue.findIndex((q) => q.action === undefined || q.action === action);
  if (index === -1) return undefined;
  const [taken] = queue.splice(index, 1);
  return taken?.fault;
}
