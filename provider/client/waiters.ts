/**
 * Waiters: poll an object until it settles (reference §6). An object the caller has just seen
 * settled (`seen`, e.g. an uploaded certificate in its create's answer) is the result with no
 * poll. Otherwise the first poll is immediate: the object may have settled since (an emulator, a
 * fast API), and waiting for the next poll would cost half its settling time to save one GET. When the object has a typical settling time (`expectedMs`, counted from the
 * call: an LB is typically ready ~8 s after its create), the next polls come at half of it and
 * at it, then back off from an eighth of it; without one, they start at `initialDelayMs` (250 ms).
 * Either way the pause grows by `factor` up to `maxDelayMs` (3 s), and the whole wait is bounded
 * by `timeoutMs` (5 min), each poll by what is left of it. Failed terminal states fail fast
 * with a `resource_error`; running out of time gives a `timeout` that names the waiter and
 * the last state seen. Other errors of a poll (e.g. a 404) end the wait as they are.
 */
import type { Clock } from "./clock";
import type { Endpoints } from "./endpoints";
import { isNotFoundError, isScalewayError, ScalewayError } from "./errors";
import type { EndpointMethods } from "./executor";
import type { CallOptions } from "./operation";
import type { Certificate } from "./schemas/certificate";
import type { Lb } from "./schemas/lb";
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
   * result with no poll; not settled, the polls go as without it.
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

  const read = (): Promise<T> =>
    spec.poll({ deadlineAt: deadline, signal: o.signal }).catch((error: unknown) => {
      if (isScalewayError(error) && error.kind === "timeout" && !o.signal?.aborted) throw timeout(error);
      throw error;
    });

  // A value the caller has just seen settled is the result: no read repeats it.
  const seen = spec.seen !== undefined ? judge(spec.seen) : undefined;
  if (seen !== undefined) return seen.value;
  for (;;) {
    const settled = judge(await read());
    if (settled !== undefined) return settled.value;
    await pause();
  }
}

const WAIT = { type: "wait" } as const;
const done = <R>(value: R): Verdict<R> => ({ type: "done", value });

/** Done in a settled status, failed in a failed one (the message ends with `detail`), else waiting. */
function byStatus<T extends { status: string }>(
  value: T,
  settled: readonly string[],
  failed: readonly string[],
  detail = "",
): Verdict<T> {
  if (failed.includes(value.status)) {
    return { type: "fail", message: `is in status ${value.status}${detail}`, state: value.status };
  }
  return settled.includes(value.status) ? done(value) : WAIT;
}

/** `status ready (instances a: ready, b: pending)`. */
export function lbState(lb: Lb): string {
  const instances = lb.instances.map((i) => `${i.id}: ${i.status}`).join(", ");
  return `status ${lb.status}${instances ? ` (instances ${instances})` : ""}`;
}

/** Settled LB: `ready` or `stopped`. Fails on `error` / `locked`. */
export function judgeLb(lb: Lb): Verdict<Lb> {
  return byStatus(lb, ["ready", "stopped"], ["error", "locked"], `: ${lbState(lb)}`);
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
  return lb.instances.every((i) => i.status === "ready" || i.status === "stopped") ? lbVerdict : WAIT;
}

/** `ready` certificate; fails on `error` with the API's `status_details`. */
export function judgeCertificate(certificate: Certificate): Verdict<Certificate> {
  return byStatus(certificate, ["ready"], ["error"], `: ${certificate.statusDetails ?? "no details given"}`);
}

type Api = EndpointMethods<Endpoints>;
/** What an LB waiter is given. */
export interface LbAddress {
  zone?: string;
  lbId: string;
}
/** What a private-network waiter is given. */
export interface WaitForPrivateNetworkRequest extends LbAddress {
  privateNetworkId: string;
}

/** One waiter: what it reads, when that is settled, and how its state reads in messages. */
interface Waiter<Req, T, R> {
  /** The waiter's default `expectedMs` (`TYPICAL_SETTLE_MS`). */
  expectedMs?: number;
  subject: (req: Req) => string;
  read: (api: Api, req: Req, call: CallOptions) => Promise<T>;
  judge: (value: T, req: Req) => Verdict<R>;
  state: (value: T, req: Req) => string;
}

/** Keeps a waiter row's types for the method derived from it. */
const waiter = <Req, T, R>(row: Waiter<Req, T, R>): Waiter<Req, T, R> => row;

/** A read whose 404 means "gone" (`null`). */
async function orGone<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isNotFoundError(error)) return null;
    throw error;
  }
}

const lbSubject = (r: LbAddress) => `load balancer ${r.lbId}`;
const readLb = (api: Api, r: LbAddress, call: CallOptions) => api.getLb({ zone: r.zone, lbId: r.lbId }, call);
/** What the LB waiters share: the LB read, named and described the same way. */
const lbRow = { subject: lbSubject, read: readLb, state: lbState };
const attachmentSubject = (r: WaitForPrivateNetworkRequest) =>
  `private network ${r.privateNetworkId} of load balancer ${r.lbId}`;
const readAttachments = (api: Api, r: WaitForPrivateNetworkRequest, call: CallOptions) =>
  api.listAllLbPrivateNetworks({ zone: r.zone, lbId: r.lbId }, call);
const attachment = (list: readonly PrivateNetwork[] | null, r: WaitForPrivateNetworkRequest) =>
  list?.find((a) => a.privateNetworkId === r.privateNetworkId);
const attachmentState = (pn: PrivateNetwork | undefined) => (pn ? `status ${pn.status}` : "absent");

/** The client's waiters, one row each; the methods are derived from the rows (`createWaiters`). */
export const WAITERS = {
  /**
   * Waits until the LB is `ready` (or `stopped`); fails fast on `error` / `locked`. Expects a
   * creation's time (`TYPICAL_SETTLE_MS.lbCreate`); after a migration, pass `lbMigrate`.
   */
  waitForLb: waiter({ ...lbRow, expectedMs: TYPICAL_SETTLE_MS.lbCreate, judge: judgeLb }),
  /** Waits until the LB and all its instances are `ready`; fails fast on `error` / `locked`. */
  waitForLbInstances: waiter({ ...lbRow, expectedMs: TYPICAL_SETTLE_MS.instances, judge: judgeLbInstances }),
  /**
   * Waits until a deleted LB is gone (404): deletion is asynchronous (`to_delete` first), and what
   * the LB held — its IPs — is only free once it is gone.
   */
  waitForLbDeleted: waiter({
    expectedMs: TYPICAL_SETTLE_MS.lbDelete,
    subject: lbSubject,
    read: (api, r: LbAddress, call) => orGone(readLb(api, r, call)),
    judge: (lb) => (lb === null ? done(null) : WAIT),
    state: (lb) => (lb === null ? "deleted" : lbState(lb)),
  }),
  /**
   * Waits until the certificate is `ready`; fails on `error` with the API's `status_details`.
   * An uploaded certificate is ready in its create's answer: given as `seen`, no call is made.
   */
  waitForCertificate: waiter({
    expectedMs: TYPICAL_SETTLE_MS.certificate,
    subject: (r: { zone?: string; certificateId: string }) => `certificate ${r.certificateId}`,
    read: (api, r, call) => api.getCertificate({ zone: r.zone, certificateId: r.certificateId }, call),
    judge: judgeCertificate,
    state: (c) => `status ${c.status}`,
  }),
  /** Waits until the LB's attachment to the private network is `ready`; fails on `error` or when absent. */
  waitForPrivateNetwork: waiter({
    expectedMs: TYPICAL_SETTLE_MS.privateNetwork,
    subject: attachmentSubject,
    read: readAttachments,
    judge: (list, r): Verdict<PrivateNetwork> => {
      const pn = attachment(list, r);
      return pn
        ? byStatus(pn, ["ready"], ["error"])
        : { type: "fail", message: "is not attached", state: "absent" };
    },
    state: (list, r) => attachmentState(attachment(list, r)),
  }),
  /** Waits until a detached private network is no longer listed (an LB that is gone counts as done). */
  waitForPrivateNetworkDetached: waiter({
    subject: attachmentSubject,
    read: (api, r: WaitForPrivateNetworkRequest, call) => orGone(readAttachments(api, r, call)),
    judge: (list, r) => (attachment(list, r) ? WAIT : done(null)),
    state: (list, r) => (list === null ? "load balancer gone" : attachmentState(attachment(list, r))),
  }),
};

/**
 * What a waiter is given: the object's address, and optionally the object as just seen (the
 * answer of its create or change): settled, it is returned with no call; not, the wait starts
 * with a pause instead of a read that would only show the same state again.
 */
export type WaitRequest<R, T> = R & { seen?: T };

type WaiterMethods = {
  [K in keyof typeof WAITERS]: (typeof WAITERS)[K] extends Waiter<infer Req, infer T, infer R>
    ? (req: WaitRequest<Req, T>, wait?: WaitOptions) => Promise<R>
    : never;
};

/** The waiter methods of a client: each row's defaults, then the client's `wait` option, then the call's. */
export function createWaiters(api: Api, clock: Clock, defaults: WaitOptions): WaiterMethods {
  const methods = Object.entries(WAITERS).map(([name, row]) => {
    const w = row as Waiter<{ seen?: unknown }, unknown, unknown>;
    const method = (req: { seen?: unknown }, wait: WaitOptions = {}) =>
      pollUntil({
        waiter: name,
        subject: w.subject(req),
        clock,
        options: {
          ...(w.expectedMs === undefined ? {} : { expectedMs: w.expectedMs }),
          ...defaults,
          ...wait,
        },
        poll: (call) => w.read(api, req, call),
        judge: (value) => w.judge(value, req),
        state: (value) => w.state(value, req),
        seen: req.seen,
      });
    return [name, method];
  });
  return Object.fromEntries(methods) as WaiterMethods;
}
