/**
 * Waiters: poll an object until it settles (reference §6). Polling starts at `initialDelayMs`
 * (250 ms) and backs off by `factor` up to `maxDelayMs` (3 s); the whole wait is bounded by
 * `timeoutMs` (5 min), and each poll by what is left of it. Failed terminal states fail fast
 * with a `resource_error`; running out of time gives a `timeout` that names the waiter and
 * the last state seen. Other errors of a poll (e.g. a 404) end the wait as they are.
 */
import type { Clock } from "./clock";
import { isScalewayError, ScalewayError } from "./errors";
import type { Certificate } from "./model/certificate";
import type { Lb, LbStatus } from "./model/lb";
import type { PrivateNetwork } from "./model/private-network";
import type { CallOptions } from "./operation";

export interface WaitOptions {
  /** Whole wait. @default 300000 */
  timeoutMs?: number;
  /** First pause between polls. @default 250 */
  initialDelayMs?: number;
  /** Longest pause between polls. @default 3000 */
  maxDelayMs?: number;
  /** Growth of the pause after each poll. @default 1.5 */
  factor?: number;
  signal?: AbortSignal;
}

export const DEFAULT_WAIT_OPTIONS = {
  timeoutMs: 300_000,
  initialDelayMs: 250,
  maxDelayMs: 3_000,
  factor: 1.5,
} as const;

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
}

export async function pollUntil<T, R>(spec: PollSpec<T, R>): Promise<R> {
  const o = { ...DEFAULT_WAIT_OPTIONS, ...spec.options };
  const { clock } = spec;
  const started = clock.now();
  const deadline = started + o.timeoutMs;
  let delay = o.initialDelayMs;
  let lastState = "not read yet";
  const timeout = (cause?: unknown): ScalewayError =>
    new ScalewayError({
      kind: "timeout",
      message: `${spec.waiter}: ${spec.subject} did not settle within ${o.timeoutMs} ms (last seen: ${lastState})`,
      operation: spec.waiter,
      currentState: lastState,
      cause,
    });

  for (;;) {
    let value: T;
    try {
      value = await spec.poll({ deadlineAt: deadline, signal: o.signal });
    } catch (error) {
      if (isScalewayError(error) && error.kind === "timeout" && !o.signal?.aborted) throw timeout(error);
      throw error;
    }
    lastState = spec.state(value);
    const verdict = spec.judge(value);
    if (verdict.type === "done") return verdict.value;
    if (verdict.type === "fail") {
      throw new ScalewayError({
        kind: "resource_error",
        message: `${spec.waiter}: ${spec.subject} ${verdict.message}`,
        operation: spec.waiter,
        currentState: verdict.state,
      });
    }
    if (clock.now() + delay >= deadline) throw timeout();
    await clock.sleep(delay, o.signal);
    delay = Math.min(o.maxDelayMs, delay * o.factor);
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
