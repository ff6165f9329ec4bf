/**
 * Per-action token buckets: each action may start at most `rate` requests per second on average,
 * with bursts up to `rate`. Shared by every call through one client; time comes from injected
 * `now`/`sleep` so tests do not wait.
 */
import { systemClock, type Clock } from "./clock.js";

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  // Callers queue behind each other so that tokens go out in arrival order.
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly ratePerSecond: number,
    private readonly clock: Clock,
    readonly capacity: number = Math.max(1, ratePerSecond),
  ) {
    this.tokens = this.capacity;
    this.updatedAt = clock.now();
  }

  /** Waits until a token is available and takes it. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.takeInTurn(signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async takeInTurn(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const waitMs = Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
      await this.clock.sleep(waitMs, signal);
    }
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.ratePerSecond);
    this.updatedAt = now;
  }
}

export interface RateLimitOptions {
  /** Requests per second for every action, overriding the documented rates. */
  readonly requestsPerSecond?: number;
  /** Requests per second by action name; wins over everything else. */
  readonly perAction?: Readonly<Record<string, number>>;
}

/** One bucket per action, created on first use at the configured or documented rate. */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly options: RateLimitOptions = {},
    private readonly clock: Clock = systemClock,
  ) {}

  /** Takes a token for `action`; actions without a known rate are not limited. */
  async take(action: string, documentedRate: number | undefined, signal?: AbortSignal) {
    let bucket = this.buckets.get(action);
    if (bucket === undefined) {
      const rate =
        this.options.perAction?.[action] ?? this.options.requestsPerSecond ?? documentedRate;
      if (rate === undefined || !(rate > 0) || !Number.isFinite(rate)) return;
      bucket = new TokenBucket(rate, this.clock);
      this.buckets.set(action, bucket);
    }
    await bucket.take(signal);
  }
}
