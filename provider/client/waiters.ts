/**
 * Waiters: poll an object until it settles (reference §6). The first poll is immediate (an object
 * may be settled already), unless the caller has just seen it unsettled (`seen`, e.g. the answer
 * of its create). When the object has a typical settling time (`expectedMs`, counted from the
 * call: an LB is typically ready ~8 s after its create), the next polls come at half of it and
 * at it, then back off from an eighth of it; without one, they start at `initialDelayMs` (250 ms).
 * Either way the pause grows by `factor` up to `maxDelayMs` (3 s), and the whole wait is bounded
 * by `timeoutMs` (5 min), each poll by what is left of it. Failed terminal states fail fast
 * with a `resource_error`; running out of time gives a `timeout` that names the waiter and
 * the last state seen. Other errors of a poll (e.g. a 404) end the wait as they are.
 */
import type { Clock } from "./clock";
import { isScalewayError, ScalewayError } from "./errors";
import type { CallOptions } from "./operation";
import type { Certificate } from "./schemas/certificate";
import type { Lb, LbStatus } from "./schemas/lb";
import type { PrivateNetwork } from "./schemas/private-network";

export interface WaitOptions {
  /** Whole wait. @default 300000 */
  timeoutMs?: number;
  /** First pause between polls when nothing is expected. @default 250 */
  initialDelayMs?: number;
  /** Longest pause between polls. @default 3000 */
  maxDelayMs?: number;
  /** Growth of the pause after each poll. @default 1.5 */
  factor?: number;
  /**
   * How long the object typically takes to settle, from the call; 0 when unknown. Each waiter
   * has its own default (`TYPICAL_SETTLE_MS`). @default 0
   */
  expectedMs?: number;
  signal?: AbortSignal;
}

export const DEFAULT_WAIT_OPTIONS = {
  timeoutMs: 300_000,
  initialDelayMs: 250,
  maxDelayMs: 3_000,
  factor: 1.5,
  expectedMs: 0,
} as const;

/**
 * Typical settling times, the waiters' default `expectedMs`: the emulator's realistic preset,
 * which follows the recordings (an LB is `ready` ~8 s after its create, 2 s queued; a migration
 * 5 s; a deleted LB gone after 3 s; a Let's Encrypt certificate issued in 8 s; instances ready 2 s
 * after a change; a private network attached in 4 s). Polling at these moments makes the wait
 * end within a poll's latency of the object being ready, in three reads instead of seven or eight.
 */
export const TYPICAL_SETTLE_MS = {
  lbCreate: 8_000,
  lbMigrate: 5_000,
  lbDelete: 3_000,
  certificate: 8_000,
  instances: 2_000,
  privateNetwork: 4_000,
} as const;

/**
 * The pauses before the 2nd, 3rd… polls (the first poll is at once). With an expectation E:
 * E/2, E/2, then from E/8 growing; without: from `initialDelayMs` growing; capped at `maxDelayMs`.
 */
export function* pollDelays(options: Required<Omit<WaitOptions, "signal">>): Generator<number, never> {
  const { expectedMs, initialDelayMs, maxDelayMs, factor } = options;
  let delay = initialDelayMs;
  if (expectedMs > 0) {
    yield expectedMs / 2;
    yield expectedMs / 2;
    delay = Math.max(initialDelayMs, expectedMs / 8);
  }
  for (;;) {
    yield Math.min(maxDelayMs, delay);
    delay = Math.min(maxDelayMs, delay * factor);
  }
}

export type Verdict<R> =
  | { type: "done"; value: R }
  | { type: "fail"; message: string; state: string }
  | { type: "wait" };

export interface PollSpec<T, R> {
  /** e.g. `waitForLb`. */
  waiter: string;
  /** e.g. `load balancer 1234`. */
  subject: string;
  clock: Clock;
  options: WaitOptions;
  poll: (call: CallOptions) => Promise<T>;
  judge: (value: T) => Verdict<R>;
  /** Short state for messages, e.g. `status creating`. */
  state: (value: T) => string;
  /**
   * The object as the caller has just seen it (e.g. the answer of its create): settled, it is the
   * result with no poll; not settled, the immediate first poll is skipped.
   */
  seen?: T;
}

export async function pollUntil<T, R>(spec: PollSpec<T, R>): Promise<R> {
  const o = { ...DEFAULT_WAIT_OPTIONS, ...spec.options };
  const { clock } = spec;
  const started = clock.now();
  const deadline = started + o.timeoutMs;
  let lastState = "not read yet";
  const timeout = (cause?: unknown): ScalewayError =>
    new ScalewayError({
      kind: "timeout",
      message: `${spec.waiter}: ${spec.subject} did not settle within ${o.timeoutMs} ms (last seen: ${lastState})`,
      operation: spec.waiter,
      currentState: lastState,
      cause,
    });

  const delays = pollDelays(o);
  /** `{ value }` once settled, undefined while not; throws on a failed state. */
  const judge = (value: T): { value: R } | undefined => {
    lastState = spec.state(value);
    const verdict = spec.judge(value);
    if (verdict.type === "done") return { value: verdict.value };
    if (verdict.type === "fail") {
      throw new ScalewayError({
        kind: "resource_error",
        message: `${spec.waiter}: ${spec.subject} ${verdict.message}`,
        operation: spec.waiter,
        currentState: verdict.state,
      });
    }
    return undefined;
  };
  const pause = async (): Promise<void> => {
    const delay = delays.next().value;
    if (clock.now() + delay >= deadline) throw timeout();
    await clock.sleep(delay, o.signal);
  };

  if (spec.seen !== undefined) {
    const settled = judge(spec.seen);
    if (settled !== undefined) return settled.value;
    await pause();
  }
  for (;;) {
    let value: T;
    try {
      value = await spec.poll({ deadlineAt: deadline, signal: o.signal });
    } catch (error) {
      if (isScalewayError(error) && error.kind === "timeout" && !o.signal?.aborted) throw timeout(error);
      throw error;
    }
    const settled = judge(value);
    if (settled !== undefined) return settled.value;
    await pause();
  }
}

const LB_SETTLED: ReadonlySet<LbStatus> = new Set(["ready", "stopped"]);
const LB_FAILED: ReadonlySet<LbStatus> = new Set(["error", "locked"]);

/** `status ready (instances a: ready, b: pending)`. */
export function lbState(lb: Lb): string {
  const instances = lb.instances.map((i) => `${i.id}: ${i.status}`).join(", ");
  return `status ${lb.status}${instances ? ` (instances ${instances})` : ""}`;
}

/** Settled LB: `ready` or `stopped`. Fails on `error` / `locked`. */
export function judgeLb(lb: Lb): Verdict<Lb> {
  if (LB_FAILED.has(lb.status))
    return { type: "fail", message: `is in status ${lb.status}: ${lbState(lb)}`, state: lb.status };
  return LB_SETTLED.has(lb.status) ? { type: "done", value: lb } : { type: "wait" };
}

/** A deleted LB answers 404 (read as `null`); anything else is still on its way out. */
export function judgeLbDeleted(lb: Lb | null): Verdict<null> {
  return lb === null ? { type: "done", value: null } : { type: "wait" };
}

/** Settled LB whose instances are all `ready`. Fails on an `error` / `locked` LB or instance. */
export function judgeLbInstances(lb: Lb): Verdict<Lb> {
  const lbVerdict = judgeLb(lb);
  if (lbVerdict.type !== "done") return lbVerdict;
  const failed = lb.instances.find((i) => i.status === "error" || i.status === "locked");
  if (failed) {
    return {
      type: "fail",
      message: `has instance ${failed.id} in status ${failed.status}: ${lbState(lb)}`,
      state: failed.status,
    };
  }
  return lb.instances.every((i) => i.status === "ready" || i.status === "stopped")
    ? lbVerdict
    : { type: "wait" };
}

/** `ready` certificate; fails on `error` with the API's `status_details`. */
export function judgeCertificate(certificate: Certificate): Verdict<Certificate> {
  if (certificate.status === "error") {
    return {
      type: "fail",
      message: `is in status error: ${certificate.statusDetails ?? "no details given"}`,
      state: "error",
    };
  }
  return certificate.status === "ready" ? { type: "done", value: certificate } : { type: "wait" };
}

/** `ready` attachment; fails on `error`, and when the attachment is not there at all. */
export function judgePrivateNetwork(
  privateNetworkId: string,
): (attachments: readonly PrivateNetwork[]) => Verdict<PrivateNetwork> {
  return (attachments) => {
    const pn = attachments.find((a) => a.privateNetworkId === privateNetworkId);
    if (!pn) return { type: "fail", message: "is not attached", state: "absent" };
    if (pn.status === "error") return { type: "fail", message: "is in status error", state: "error" };
    return pn.status === "ready" ? { type: "done", value: pn } : { type: "wait" };
  };
}

/** Done once the attachment is no longer listed (`null`: the LB itself is gone, so is the attachment). */
export function judgePrivateNetworkDetached(
  privateNetworkId: string,
): (attachments: readonly PrivateNetwork[] | null) => Verdict<null> {
  return (attachments) =>
    attachments?.some((a) => a.privateNetworkId === privateNetworkId)
      ? { type: "wait" }
      : { type: "done", value: null };
}

export function privateNetworkState(
  privateNetworkId: string,
): (attachments: readonly PrivateNetwork[]) => string {
  return (attachments) => {
    const pn = attachments.find((a) => a.privateNetworkId === privateNetworkId);
    return pn ? `status ${pn.status}` : "absent";
  };
}
