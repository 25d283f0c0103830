/**
 * Runs one API operation: rate limiting, the HTTP attempt, logging, retries with backoff within
 * an overall deadline, error mapping, response parsing, and the handling of unknown outcomes:
 *
 * - `read` / `idempotent` operations (GET, PUT, PATCH, DELETE, and POST actions whose repetition
 *   is harmless) are simply re-sent. Once an attempt's outcome was unknown, a later 404 on an
 *   operation marked `notFoundMeansDone` (deletes, detach) counts as success: the first
 *   attempt did the job.
 * - `non_idempotent` operations (creates, and POST actions such as migrate or subscribe) are
 *   never re-sent blindly after an unknown outcome: their `reconcile` function finds out what
 *   the lost attempt did (README "Unknown outcomes"), e.g. looks for the object it may have
 *   created. Found: that is the result. Not done: the request is re-sent if the failure is
 *   retryable. A 429 counts as unknown too: nothing in it proves the create was not applied.
 * - A 409 `transient_state` (the LB is being created, migrated, updated or deleted) is a
 *   definite "not now": the LB is polled until it settles, then the call is sent again, all
 *   within the deadline (transient-state.ts).
 */
import type { z } from "zod";
import type { Clock } from "./clock";
import { errorFromResponse } from "./error-mapping";
import { isScalewayError, ScalewayError, type ScalewayErrorInit, type ScalewayErrorKind } from "./errors";
import { type JsonObject, parseJsonText } from "./json";
import { formatRequestLog, type LogSink } from "./logging";
import { type Query, queryString } from "./query";
import type { RateLimiter } from "./rate-limit";
import type { Redactor } from "./redaction";
import {
  type AttemptOutcome,
  backoffDelay,
  decideRetry,
  outcomeIsUnknown,
  parseRetryAfter,
  type RetryPolicy,
} from "./retry";
import type { ServerClock } from "./server-clock";
import { isTransientState, LbStatusWire, TRANSIENT_LB_STATUSES, transientLb } from "./transient-state";
import type { HttpMethod, HttpResult, Transport } from "./transport";

/** Per-call options accepted by every client method. */
export interface CallOptions {
  /** Deadline for this call, retries included, in ms from now. @default the client's `deadlineMs` */
  deadlineMs?: number;
  /** Absolute deadline on the client's clock; wins over `deadlineMs` (nested calls inherit it). */
  deadlineAt?: number;
  /** Cancels the call. */
  signal?: AbortSignal;
}

interface SpecBase<T> {
  /** The SDK operation name, e.g. `createLb`; used in errors and logs. */
  operation: string;
  method: HttpMethod;
  path: string;
  query?: Query;
  body?: JsonObject;
  /** Parses the 2xx body (`undefined` for an empty body) into the camelCase result. */
  response: z.ZodType<T>;
}

export type OperationSpec<T> =
  | (SpecBase<T> & { safety: "read" | "idempotent"; notFoundMeansDone?: boolean })
  | (SpecBase<T> & {
      safety: "non_idempotent";
      /**
       * The object the request may have created, as a user can find it (kind, name, parent,
       * zone): named by the error when the client cannot tell whether it exists.
       */
      subject?: string;
      /**
       * Called when an attempt's outcome is unknown: returns the result of that attempt (e.g. the
       * object it created), or `null` when it certainly had no effect (the request may then be
       * re-sent). Throws `outcome_unknown` when it cannot tell.
       */
      reconcile: (call: CallOptions) => Promise<T | null>;
    });

export interface OperationEnv {
  baseUrl: string;
  secretKey: string;
  transport: Transport;
  limiter: RateLimiter;
  clock: Clock;
  random: () => number;
  policy: RetryPolicy;
  deadlineMs: number;
  requestTimeoutMs: number;
  log: LogSink | null;
  redact: Redactor;
  serverClock: ServerClock;
  /** Appended to a 401's message: where the secret key came from and what to check. */
  authenticationHelp?: string;
}

function toOutcome(result: HttpResult, now: number): AttemptOutcome {
  if (result.type === "failure") return { type: "failure", sent: result.sent, code: result.code };
  return {
    type: "response",
    status: result.status,
    retryAfterMs: parseRetryAfter(result.headers["retry-after"], now),
  };
}

/** An error of this operation: its name, method and (redacted) path, the text redacted. */
type Fail = (kind: ScalewayErrorKind, text: string, extra?: Partial<ScalewayErrorInit>) => ScalewayError;

export async function runOperation<T>(
  env: OperationEnv,
  spec: OperationSpec<T>,
  call: CallOptions = {},
): Promise<T> {
  const { clock } = env;
  const startedAt = clock.now();
  const deadline = call.deadlineAt ?? startedAt + (call.deadlineMs ?? env.deadlineMs);
  const target = spec.path + queryString(spec.query);
  const shownTarget = env.redact(target);
  const headers: Record<string, string> = {
    "x-auth-token": env.secretKey,
    accept: "application/json",
    "user-agent": "pulumi-scaleway-lb (node)",
  };
  if (spec.body !== undefined) headers["content-type"] = "application/json";
  const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
  const describe = `${spec.operation}: ${spec.method} ${shownTarget}`;
  let uncertain = false;
  let last: ScalewayError | null = null;

  const fail: Fail = (kind, text, extra) =>
    new ScalewayError({
      kind,
      message: env.redact(text),
      operation: spec.operation,
      method: spec.method,
      path: shownTarget,
      ...extra,
    });
  const timeoutError = (attempts: number): ScalewayError =>
    fail(
      "timeout",
      `${describe} did not succeed within its ${Math.round(deadline - startedAt)} ms deadline (${attempts} attempt(s))${
        last ? `; last error: ${last.message}` : ""
      }`,
      { status: last?.status, attempts, cause: last ?? undefined },
    );
  const cancelled = (attempts: number): ScalewayError =>
    fail("timeout", `${describe} was cancelled by the caller (${attempts} attempt(s))`, {
      attempts,
      cause: call.signal?.reason,
    });
  /** Sleeps, or fails as cancelled when the call's signal fires. */
  const pause = (ms: number, attempts: number): Promise<void> =>
    clock.sleep(ms, call.signal).catch(() => {
      throw cancelled(attempts);
    });

  for (let attempt = 1; ; attempt++) {
    if (call.signal?.aborted) throw cancelled(attempt - 1);
    const remaining = deadline - clock.now();
    if (remaining <= 0) throw timeoutError(attempt - 1);
    try {
      await env.limiter.acquire(call.signal);
    } catch {
      throw cancelled(attempt - 1);
    }

    const sentAt = clock.now();
    const result = await env.transport.send({
      method: spec.method,
      url: env.baseUrl + target,
      headers,
      body,
      timeoutMs: Math.min(env.requestTimeoutMs, remaining),
      signal: call.signal,
    });
    const now = clock.now();
    env.log?.(
      formatRequestLog({
        operation: spec.operation,
        method: spec.method,
        target,
        outcome: result.type === "response" ? result.status : result.code,
        durationMs: now - sentAt,
        attempt,
      }),
    );
    if (result.type === "failure" && result.aborted) throw cancelled(attempt);

    if (result.type === "response") {
      env.serverClock.observe(result.headers.date, now);
      if (result.status >= 200 && result.status < 300) {
        const parsed = parseJsonText(result.bodyText);
        if (!parsed.ok) {
          throw fail("invalid_response", `${describe} -> ${result.status}: the body is not JSON`, {
            status: result.status,
            attempts: attempt,
          });
        }
        return parseBody(spec, fail, describe, parsed.value, result.status);
      }
      if (result.status === 404 && uncertain && spec.safety !== "non_idempotent" && spec.notFoundMeansDone) {
        return parseBody(spec, fail, describe, undefined);
      }
    }

    const outcome = toOutcome(result, now);
    last = attemptError(env, spec, shownTarget, fail, result, attempt);

    if (outcomeIsUnknown(outcome)) {
      if (spec.safety === "non_idempotent") {
        const inner = { deadlineAt: deadline, signal: call.signal };
        let found = await reconcileCreate(env, spec, fail, describe, inner);
        if (found === null && result.type === "failure" && result.timedOut) {
          // We stopped waiting, but the server may still be working on it: give it as long
          // again as the request had, then look once more before re-sending.
          const settle = Math.min(env.requestTimeoutMs, deadline - clock.now() - 1);
          if (settle > 0) {
            await pause(settle, attempt);
            found = await reconcileCreate(env, spec, fail, describe, inner);
          }
        }
        if (found !== null) return found;
      } else {
        uncertain = true;
      }
    }

    if (last.kind === "conflict" && isTransientState(last) && attempt < env.policy.maxAttempts) {
      const settled = await waitOutTransientState(env, transientLb(last, spec.path), attempt, {
        deadlineAt: deadline,
        signal: call.signal,
      }).catch((error: unknown) => {
        if (call.signal?.aborted) throw cancelled(attempt);
        if (isScalewayError(error) && error.kind === "timeout") throw timeoutError(attempt);
        throw error;
      });
      if (!settled) throw timeoutError(attempt);
      continue;
    }

    const decision = decideRetry({
      attempt,
      outcome,
      policy: env.policy,
      random: env.random,
      now: clock.now(),
      deadline,
      repeatable: spec.safety !== "non_idempotent",
    });
    if (decision.action === "stop") {
      if (decision.reason === "deadline") throw timeoutError(attempt);
      throw last;
    }
    await pause(decision.delayMs, attempt);
  }
}

/**
 * Waits until the LB a 409 `transient_state` names is no longer transient (or, when the error
 * names no LB, backs off once). Returns false when the deadline leaves no time to try again.
 */
async function waitOutTransientState(
  env: OperationEnv,
  lb: { zone: string; lbId: string } | null,
  attempt: number,
  call: CallOptions & { deadlineAt: number },
): Promise<boolean> {
  const pause = async (n: number): Promise<boolean> => {
    const delay = Math.max(env.policy.baseDelayMs / 2, backoffDelay(n, env.policy, env.random));
    if (env.clock.now() + delay >= call.deadlineAt) return false;
    await env.clock.sleep(delay, call.signal);
    return true;
  };
  if (lb === null) return pause(attempt);
  for (let poll = 1; ; poll++) {
    let status: string;
    try {
      const answer = await runOperation(
        env,
        {
          operation: "getLb",
          method: "GET",
          path: `/lb/v1/zones/${lb.zone}/lbs/${encodeURIComponent(lb.lbId)}`,
          response: LbStatusWire,
          safety: "read",
        },
        call,
      );
      status = answer.status;
    } catch (error) {
      // Gone: the retry gets the API's own answer for that.
      if (isScalewayError(error) && error.kind === "not_found") return true;
      throw error;
    }
    if (!TRANSIENT_LB_STATUSES.has(status)) return true;
    if (!(await pause(poll))) return false;
  }
}

async function reconcileCreate<T>(
  env: OperationEnv,
  spec: OperationSpec<T> & { safety: "non_idempotent" },
  fail: Fail,
  describe: string,
  call: CallOptions,
): Promise<T | null> {
  try {
    return await spec.reconcile(call);
  } catch (error) {
    if (isScalewayError(error) && error.kind === "outcome_unknown") throw error;
    const inner = isScalewayError(error) ? error.message : String(error);
    const kind = isScalewayError(error) && error.kind === "timeout" ? "timeout" : "outcome_unknown";
    const mayExist = spec.subject ? ` It may exist: ${spec.subject}.` : "";
    throw fail(
      kind,
      `${describe}: the answer was lost and checking whether the object was created failed: ${inner}.${mayExist}`,
      { path: env.redact(spec.path), cause: error },
    );
  }
}

function attemptError<T>(
  env: OperationEnv,
  spec: OperationSpec<T>,
  shownTarget: string,
  fail: Fail,
  result: HttpResult,
  attempt: number,
): ScalewayError {
  if (result.type === "failure") {
    const after = attempt > 1 ? ` [after ${attempt} attempts]` : "";
    return fail(
      result.timedOut ? "timeout" : "network",
      `${spec.operation}: ${spec.method} ${shownTarget} failed: ${result.code} ${result.message}${after}`,
      { attempts: attempt },
    );
  }
  const parsed = parseJsonText(result.bodyText);
  return errorFromResponse({
    operation: spec.operation,
    method: spec.method,
    path: shownTarget,
    status: result.status,
    body: parsed.ok ? parsed.value : result.bodyText,
    requestId: result.headers["x-request-id"],
    attempts: attempt,
    redact: env.redact,
    authenticationHelp: env.authenticationHelp,
  });
}

/** The 2xx body parsed by the operation's schema; a body that does not fit is `invalid_response`. */
function parseBody<T>(
  spec: OperationSpec<T>,
  fail: Fail,
  describe: string,
  value: unknown,
  status?: number,
): T {
  const parsed = spec.response.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  throw fail("invalid_response", `${describe}: unexpected response body (${issues})`, { status });
}
