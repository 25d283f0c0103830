/**
 * Client-side rate limiting: a token bucket shared by every client of a process (the provider
 * keeps one per process and passes it to each client it creates).
 *
 * The bucket holds up to `burst` tokens and refills at `ratePerSecond`. Each HTTP attempt takes
 * one token. When the bucket is empty the caller reserves the next token (the count goes
 * negative) and sleeps until it has been refilled, so waiting callers are served in order.
 */
import { type Clock, systemClock } from "./clock";

export interface RateLimiter {
  /** Waits for permission to send one request. Rejects if `signal` aborts while waiting. */
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface TokenBucketOptions {
  /** Sustained rate, requests per second. @default 20 */
  ratePerSecond?: number;
  /** Bucket size: how many requests may go out at once after a quiet period. @default ratePerSecond */
  burst?: number;
  /** @default the system clock */
  clock?: Clock;
}

export const DEFAULT_RATE_PER_SECOND = 20;

export interface TokenBucket extends RateLimiter {
  readonly ratePerSecond: number;
  readonly burst: number;
  /** Tokens available now (negative while callers are queued). */
  available(): number;
}

export function createTokenBucket(options: TokenBucketOptions = {}): TokenBucket {
  const ratePerSecond = options.ratePerSecond ?? DEFAULT_RATE_PER_SECOND;
  if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) {
    throw new RangeError(`ratePerSecond must be a positive number, got ${ratePerSecond}`);
  }
  const burst = Math.max(1, Math.floor(options.burst ?? ratePerSecond));
  const clock = options.clock ?? systemClock;
  let tokens = burst;
  let refilledAt = clock.now();

  const refill = (): void => {
    const now = clock.now();
    const elapsed = Math.max(0, now - refilledAt);
    tokens = Math.min(burst, tokens + (elapsed * ratePerSecond) / 1000);
    refilledAt = now;
  };

  return {
    ratePerSecond,
    burst,
    available() {
      refill();
      return tokens;
    },
    async acquire(signal) {
      if (signal?.aborted) throw signal.reason;
      refill();
      tokens -= 1;
      if (tokens >= 0) return;
      const waitMs = (-tokens * 1000) / ratePerSecond;
      try {
        await clock.sleep(waitMs, signal);
      } catch (error) {
        tokens += 1; // give the reservation back
        throw error;
      }
    },
  };
}

/** A limiter that never waits (tests, or callers that limit elsewhere). */
export const unlimited: RateLimiter = { acquire: async () => {} };
