/** Retry decisions as pure functions. */
import {
  type AttemptOutcome,
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  decideRetry,
  isRetryable,
  outcomeIsUnknown,
  parseRetryAfter,
  type RetryPolicy,
} from "../../provider/client/retry";

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
const response = (status: number, retryAfterMs: number | null = null): AttemptOutcome => ({
  type: "response",
  status,
  retryAfterMs,
});
const failure = (sent: "no" | "maybe", code = "ECONNRESET"): AttemptOutcome => ({
  type: "failure",
  sent,
  code,
});

describe("what is retried", () => {
  it.each([429, 502, 503, 504])("status %d is retried", (status) => {
    expect(isRetryable(response(status))).toBe(true);
  });
  it.each([400, 401, 403, 404, 409, 412, 500, 501])("status %d is not retried", (status) => {
    expect(isRetryable(response(status))).toBe(false);
  });
  it("a 500 is retried only where repeating is harmless (reads, idempotent writes, look-ups)", () => {
    expect(isRetryable(response(500), true)).toBe(true);
    expect(isRetryable(response(500), false)).toBe(false);
    expect(isRetryable(response(501), true)).toBe(false);
  });
  it("connection failures are retried", () => {
    expect(isRetryable(failure("no", "ECONNREFUSED"))).toBe(true);
    expect(isRetryable(failure("maybe"))).toBe(true);
  });
});

describe("which outcomes are unknown (the server may have acted)", () => {
  it.each([
    [response(500), true],
    [response(502), true],
    [response(503), true],
    [response(504), true],
    [failure("maybe"), true],
    [failure("no", "ECONNREFUSED"), false],
    // Nothing in a 429 proves that the request was not processed: a create is reconciled first.
    [response(429), true],
    [response(400), false],
    [response(404), false],
  ])("%j -> %s", (outcome, unknown) => {
    expect(outcomeIsUnknown(outcome)).toBe(unknown);
  });
});

describe("backoff", () => {
  it("is full jitter over an exponential ceiling", () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, () => 0.999999))).toEqual(
      [100, 200, 400, 800, 1000, 1000].map((c) => c * 0.999999),
    );
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
  });

  it("never overflows for large attempt numbers", () => {
    expect(backoffDelay(10_000, DEFAULT_RETRY_POLICY, () => 1)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2026-07-21T10:00:00Z");
  it.each([
    ["3", 3000],
    ["0", 0],
    ["1.5", 1500],
    ["Tue, 21 Jul 2026 10:00:05 GMT", 5000],
    ["Tue, 21 Jul 2026 09:00:00 GMT", 0],
  ])("%j -> %d ms", (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });
  it.each([undefined, null, "", "soon"])("%j -> null", (header) => {
    expect(parseRetryAfter(header, now)).toBeNull();
  });
});

describe("decideRetry", () => {
  const base = { policy, random: () => 0.5, now: 0, deadline: 60_000 };

  it("retries a 503 with jittered backoff", () => {
    expect(decideRetry({ ...base, attempt: 2, outcome: response(503) })).toEqual({
      action: "retry",
      delayMs: 100,
    });
  });
  it("honours Retry-After instead of backoff, capped", () => {
    expect(decideRetry({ ...base, attempt: 1, outcome: response(429, 3000) })).toEqual({
      action: "retry",
      delayMs: 3000,
    });
    expect(decideRetry({ ...base, attempt: 1, outcome: response(429, 600_000) })).toEqual({
      action: "retry",
      delayMs: 5000,
    });
  });
  it("stops on a non-retryable answer", () => {
    expect(decideRetry({ ...base, attempt: 1, outcome: response(400) })).toEqual({
      action: "stop",
      reason: "not_retryable",
    });
  });
  it("stops after the last attempt", () => {
    expect(decideRetry({ ...base, attempt: 5, outcome: response(503) })).toEqual({
      action: "stop",
      reason: "attempts_exhausted",
    });
  });
  it("stops when the pause would end past the deadline", () => {
    expect(decideRetry({ ...base, now: 59_990, attempt: 1, outcome: response(503) })).toEqual({
      action: "stop",
      reason: "deadline",
    });
    expect(
      decideRetry({ ...base, now: 0, deadline: 2000, attempt: 1, outcome: response(429, 3000) }),
    ).toEqual({
      action: "stop",
      reason: "deadline",
    });
  });
});
