/**
 * Retry decisions, as pure functions of one attempt's outcome, the policy, the clock reading and
 * a random source (injected so tests are deterministic).
 *
 * - Retried: 429, 502, 503, 504 and connection failures; for operations that may be repeated
 *   (reads, idempotent writes, and the look-ups that reconcile a lost create) 500 as well: a
 *   500 is final only where repeating could do something twice.
 * - Delay: exponential backoff with full jitter, `random() * min(maxDelay, base * 2^(n-1))`, or
 *   the server's `Retry-After` when present (capped by `maxRetryAfterMs`).
 * - Stop: a non-retryable outcome, the attempt cap, or a delay that would end past the deadline
 *   (the caller then reports a timeout at once instead of sleeping in vain).
 *
 * Whether a *non-idempotent* request may be re-sent is a separate question (`outcomeIsUnknown`):
 * see the operation runner and README ("Unknown outcomes").
 */

export interface RetryPolicy {
  /** Attempts per operation, the first one included. @default 20 */
  maxAttempts: number;
  /** Backoff base. @default 500 */
  baseDelayMs: number;
  /** Backoff ceiling (before jitter). @default 15000 */
  maxDelayMs: number;
  /** Longest `Retry-After` honoured; longer values are capped to this. @default 60000 */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: 20,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  maxRetryAfterMs: 60_000,
};

/** What one HTTP attempt produced, as far as retrying is concerned. */
export type AttemptOutcome =
  | { type: "response"; status: number; retryAfterMs: number | null }
  /**
   * No HTTP answer. `sent: "no"` when the failure is known to precede sending (connection
   * refused, DNS, connect timeout); `"maybe"` when the request may have reached the server
   * (reset, socket closed, timeout while waiting for the answer).
   */
  | { type: "failure"; sent: "no" | "maybe"; code: string };

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** `repeatable`: the operation may be sent again whatever the last attempt did (not a create). */
export function isRetryable(outcome: AttemptOutcome, repeatable = false): boolean {
  if (outcome.type === "failure") return true;
  return RETRYABLE_STATUSES.has(outcome.status) || (repeatable && outcome.status === 500);
}

/**
 * True when the server may have applied the request although the client did not get a success:
 * any 5xx answer, a 429, or a failure that may have happened after sending. A 429 usually
 * means "not processed", but nothing in it proves so (a proxy or the API may answer it after
 * the change was made), so a create answered 429 is reconciled before being re-sent. Other 4xx
 * answers are definite refusals.
 */
export function outcomeIsUnknown(outcome: AttemptOutcome): boolean {
  if (outcome.type === "failure") return outcome.sent === "maybe";
  return outcome.status >= 500 || outcome.status === 429;
}

/** Full-jitter exponential backoff for the pause after attempt number `attempt` (1-based). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30));
  return random() * ceiling;
}

/**
 * `Retry-After` in milliseconds: delta-seconds ("3") or an HTTP date; `null` when absent or
 * unreadable. Past dates give 0.
 */
export function parseRetryAfter(header: string | undefined | null, nowMs: number): number | null {
  if (header === undefined || header === null) return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

export type RetryDecision =
  | { action: "retry"; delayMs: number }
  | { action: "stop"; reason: "not_retryable" | "attempts_exhausted" | "deadline" };

export interface RetryInput {
  /** The attempt that just finished, 1-based. */
  attempt: number;
  outcome: AttemptOutcome;
  policy: RetryPolicy;
  random: () => number;
  now: number;
  /** Absolute deadline on the same clock as `now`. */
  deadline: number;
  /** The operation may be repeated whatever the last attempt did (reads, idempotent writes). */
  repeatable?: boolean;
}

export function decideRetry(input: RetryInput): RetryDecision {
  const { attempt, outcome, policy } = input;
  if (!isRetryable(outcome, input.repeatable === true)) return { action: "stop", reason: "not_retryable" };
  if (attempt >= policy.maxAttempts) return { action: "stop", reason: "attempts_exhausted" };
  const retryAfter = outcome.type === "response" ? outcome.retryAfterMs : null;
  const delayMs =
    retryAfter !== null
      ? Math.min(retryAfter, policy.maxRetryAfterMs)
      : backoffDelay(attempt, policy, input.random);
  if (input.now + delayMs >= input.deadline) return { action: "stop", reason: "deadline" };
  return { action: "retry", delayMs };
}
