/**
 * The Scaleway Load Balancer API client (zoned API). `createLbClient` wires the transport,
 * rate limiter, retry policy, logging and redaction together, and exposes one typed method per
 * endpoint (named like the official SDK's `ZonedAPI`), `listAll…` helpers and waiters.
 */
import type { Dispatcher } from "undici";
import { type Clock, systemClock } from "./clock";
import { DEFAULT_API_URL, DEFAULT_ZONE } from "./config";
import { authenticationHelp, type CredentialFacts } from "./credentials-help";
import { ENDPOINTS } from "./endpoints";
import { isNotFoundError, ScalewayError } from "./errors";
import { createMethods, type ExecutorContext } from "./executor";
import { type LogSink, redactingSink, resolveLogSink } from "./logging";
import { type CallOptions, type OperationEnv, runOperation } from "./operation";
import { createTokenBucket, type RateLimiter } from "./rate-limit";
import { createRedactor } from "./redaction";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";
import type { Certificate } from "./schemas/certificate";
import type { Lb } from "./schemas/lb";
import type { PrivateNetwork } from "./schemas/private-network";
import { createServerClock } from "./server-clock";
import { createUndiciTransport, type Transport } from "./transport";
import {
  judgeCertificate,
  judgeLb,
  judgeLbDeleted,
  judgeLbInstances,
  judgePrivateNetwork,
  judgePrivateNetworkDetached,
  lbState,
  pollUntil,
  privateNetworkState,
  TYPICAL_SETTLE_MS,
  type Verdict,
  type WaitOptions,
} from "./waiters";

/** What the client needs to know; a `ResolvedConfig` (config.ts) fits. */
export interface ClientConfig {
  /** IAM secret key, sent as `X-Auth-Token`. Never logged. */
  secretKey: string;
  /** @default "https://api.scaleway.com" */
  apiUrl?: string | null;
  /** Default zone of requests. @default "fr-par-1" */
  zone?: string | null;
  /** Project of creates that name none. */
  projectId?: string | null;
  organizationId?: string | null;
  /** Where the credentials came from (a `ResolvedConfig` has them): named by the help after a 401. */
  sources?: CredentialFacts["sources"];
  /** The Scaleway CLI config file looked at. */
  configFile?: string;
}

export interface LbClientOptions {
  config: ClientConfig;
  /** Share one limiter between the clients of a process. @default a private 20 req/s bucket */
  rateLimiter?: RateLimiter;
  retry?: Partial<RetryPolicy>;
  /** Deadline of one operation, retries included. @default 120000 */
  deadlineMs?: number;
  /** Timeout of one HTTP attempt. @default 30000 */
  requestTimeoutMs?: number;
  /** Request log sink; `null` disables logging. @default stderr when SCW_LB_DEBUG=1 */
  logger?: LogSink | null;
  /** Environment read for `SCW_LB_DEBUG`. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** @default the system clock */
  clock?: Clock;
  /** Jitter source in [0, 1). @default Math.random */
  random?: () => number;
  /** @default an undici transport with a keep-alive pool */
  transport?: Transport;
  /** Pool shared with other clients (ignored when `transport` is given). */
  dispatcher?: Dispatcher;
  userAgent?: string;
  /** Defaults of the waiters. */
  wait?: WaitOptions;
}

export const DEFAULT_DEADLINE_MS = 120_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

interface LbAddress {
  zone?: string;
  lbId: string;
}

export interface WaitForPrivateNetworkRequest {
  zone?: string;
  lbId: string;
  privateNetworkId: string;
}

/**
 * What a waiter is given: the object's address, and optionally the object as just seen (the
 * answer of its create or change): settled, it is returned with no call; not, the wait starts
 * with a pause instead of a read that would only show the same state again.
 */
export type WaitRequest<R, T> = R & { seen?: T };

function createClientParts(options: LbClientOptions) {
  const { config } = options;
  if (!config.secretKey) {
    throw new ScalewayError({
      kind: "configuration",
      message:
        "createLbClient: config.secretKey is empty (resolveConfig finds it in stack config, SCW_SECRET_KEY or the CLI config file)",
    });
  }
  const clock = options.clock ?? systemClock;
  const redact = createRedactor([config.secretKey]);
  const sink = resolveLogSink(options.logger, options.env ?? process.env);
  const transport = options.transport ?? createUndiciTransport({ dispatcher: options.dispatcher });
  const serverClock = createServerClock();
  const env: OperationEnv = {
    baseUrl: (config.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ""),
    secretKey: config.secretKey,
    userAgent: options.userAgent ?? "pulumi-scaleway-lb (node)",
    transport,
    limiter: options.rateLimiter ?? createTokenBucket({ clock }),
    clock,
    random: options.random ?? Math.random,
    policy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    deadlineMs: options.deadlineMs ?? DEFAULT_DEADLINE_MS,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    log: sink ? redactingSink(sink, redact) : null,
    redact,
    serverClock,
    authenticationHelp: authenticationHelp(config),
  };
  const ctx: ExecutorContext = {
    zone: config.zone ?? DEFAULT_ZONE,
    projectId: config.projectId ?? null,
    organizationId: config.organizationId ?? null,
    clock,
    serverClock,
    run: (spec, call) => runOperation(env, spec, call),
    withDeadline: (call = {}) => ({
      ...call,
      deadlineAt: call.deadlineAt ?? clock.now() + (call.deadlineMs ?? env.deadlineMs),
    }),
  };
  return { ctx, env, transport, clock };
}

export function createLbClient(options: LbClientOptions) {
  const { ctx, env, transport, clock } = createClientParts(options);
  const api = createMethods(ctx, ENDPOINTS);
  const waitDefaults = options.wait ?? {};
  const zoneOf = (req: { zone?: string }) => req.zone ?? ctx.zone;

  /** Per-waiter defaults, then the client's `wait` option, then the call's. */
  const waitOptions = (expectedMs: number | undefined, wait: WaitOptions): WaitOptions => ({
    ...(expectedMs === undefined ? {} : { expectedMs }),
    ...waitDefaults,
    ...wait,
  });
  /** A read whose 404 means "gone" (`null`). */
  const orGone =
    <T>(read: (call: CallOptions) => Promise<T>) =>
    async (call: CallOptions): Promise<T | null> => {
      try {
        return await read(call);
      } catch (error) {
        if (isNotFoundError(error)) return null;
        throw error;
      }
    };
  const readLb = (req: LbAddress) => (call: CallOptions) =>
    api.getLb({ zone: zoneOf(req), lbId: req.lbId }, call);
  const readAttachments = (req: WaitForPrivateNetworkRequest) => (call: CallOptions) =>
    api.listAllLbPrivateNetworks({ zone: zoneOf(req), lbId: req.lbId }, call);
  const lbWaiter =
    (waiter: string, expectedMs: number, judge: (lb: Lb) => Verdict<Lb>) =>
    (req: WaitRequest<LbAddress, Lb>, wait: WaitOptions = {}): Promise<Lb> =>
      pollUntil({
        waiter,
        subject: `load balancer ${req.lbId}`,
        clock,
        options: waitOptions(expectedMs, wait),
        poll: readLb(req),
        judge,
        state: lbState,
        seen: req.seen,
      });
  const pnSubject = (req: WaitForPrivateNetworkRequest) =>
    `private network ${req.privateNetworkId} of load balancer ${req.lbId}`;

  return {
    /**
     * Waits until the LB is `ready` (or `stopped`); fails fast on `error` / `locked`. Expects a
     * creation's time (`TYPICAL_SETTLE_MS.lbCreate`); after a migration, pass `lbMigrate`.
     */
    waitForLb: lbWaiter("waitForLb", TYPICAL_SETTLE_MS.lbCreate, judgeLb),
    /** Waits until the LB and all its instances are `ready`; fails fast on `error` / `locked`. */
    waitForLbInstances: lbWaiter("waitForLbInstances", TYPICAL_SETTLE_MS.instances, judgeLbInstances),
    /**
     * Waits until a deleted LB is gone (404): deletion is asynchronous (`to_delete` first), and what
     * the LB held — its IPs — is only free once it is gone.
     */
    waitForLbDeleted: (req: LbAddress, wait: WaitOptions = {}): Promise<null> =>
      pollUntil({
        waiter: "waitForLbDeleted",
        subject: `load balancer ${req.lbId}`,
        clock,
        options: waitOptions(TYPICAL_SETTLE_MS.lbDelete, wait),
        poll: orGone(readLb(req)),
        judge: judgeLbDeleted,
        state: (lb: Lb | null) => (lb === null ? "deleted" : lbState(lb)),
      }),
    /**
     * Waits until the certificate is `ready`; fails on `error` with the API's `status_details`.
     * An uploaded certificate is ready in its create's answer: given as `seen`, no call is made.
     */
    waitForCertificate: (
      req: WaitRequest<{ zone?: string; certificateId: string }, Certificate>,
      wait: WaitOptions = {},
    ): Promise<Certificate> =>
      pollUntil({
        waiter: "waitForCertificate",
        subject: `certificate ${req.certificateId}`,
        clock,
        options: waitOptions(TYPICAL_SETTLE_MS.certificate, wait),
        poll: (call: CallOptions) =>
          api.getCertificate({ zone: zoneOf(req), certificateId: req.certificateId }, call),
        judge: judgeCertificate,
        state: (c: Certificate) => `status ${c.status}`,
        seen: req.seen,
      }),
    /** Waits until the LB's attachment to the private network is `ready`; fails on `error`. */
    waitForPrivateNetwork: (
      req: WaitForPrivateNetworkRequest,
      wait: WaitOptions = {},
    ): Promise<PrivateNetwork> =>
      pollUntil({
        waiter: "waitForPrivateNetwork",
        subject: pnSubject(req),
        clock,
        options: waitOptions(TYPICAL_SETTLE_MS.privateNetwork, wait),
        poll: readAttachments(req),
        judge: judgePrivateNetwork(req.privateNetworkId),
        state: privateNetworkState(req.privateNetworkId),
      }),
    /** Waits until a detached private network is no longer listed (an LB that is gone counts as done). */
    waitForPrivateNetworkDetached: (
      req: WaitForPrivateNetworkRequest,
      wait: WaitOptions = {},
    ): Promise<null> => {
      const state = privateNetworkState(req.privateNetworkId);
      return pollUntil({
        waiter: "waitForPrivateNetworkDetached",
        subject: pnSubject(req),
        clock,
        options: waitOptions(undefined, wait),
        poll: orGone(readAttachments(req)),
        judge: judgePrivateNetworkDetached(req.privateNetworkId),
        state: (attachments: readonly PrivateNetwork[] | null) =>
          attachments === null ? "load balancer gone" : state(attachments),
      });
    },
    /** Default zone of requests. */
    zone: ctx.zone,
    /** Base URL requests go to. */
    apiUrl: env.baseUrl,
    ...api,
    /** Closes the connection pool (unless it was shared in through `dispatcher`/`transport`). */
    close: (): Promise<void> => (options.transport ? Promise.resolve() : transport.close()),
  };
}

/** The client: every endpoint method, `listAll…` helpers, waiters, `zone`, `apiUrl`, `close()`. */
export type LbClient = ReturnType<typeof createLbClient>;
