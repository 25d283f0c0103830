/**
 * The Scaleway Load Balancer API client (zoned API). `createLbClient` wires the transport,
 * rate limiter, retry policy, logging and redaction together, and exposes one typed method per
 * endpoint (named like the official SDK's `ZonedAPI`), `listAll…` helpers and waiters.
 */
import { type Clock, systemClock } from "./clock";
import { DEFAULT_API_URL, DEFAULT_ZONE } from "./config";
import { authenticationHelp, type CredentialFacts } from "./credentials-help";
import { ENDPOINTS } from "./endpoints";
import { ScalewayError } from "./errors";
import { createMethods, type ExecutorContext } from "./executor";
import { type LogSink, redactingSink, resolveLogSink } from "./logging";
import { type OperationEnv, runOperation } from "./operation";
import { createTokenBucket, type RateLimiter } from "./rate-limit";
import { createRedactor } from "./redaction";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";
import { createServerClock } from "./server-clock";
import { createUndiciTransport, type Transport } from "./transport";
import { createWaiters, type WaitOptions } from "./waiters";

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
  /** Shared with other clients (then not closed by `close()`). @default a private undici keep-alive pool */
  transport?: Transport;
  /** Defaults of the waiters. */
  wait?: WaitOptions;
}

export const DEFAULT_DEADLINE_MS = 120_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export function createLbClient(options: LbClientOptions) {
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
  const transport = options.transport ?? createUndiciTransport();
  const serverClock = createServerClock();
  const env: OperationEnv = {
    baseUrl: (config.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ""),
    secretKey: config.secretKey,
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
  const api = createMethods(ctx, ENDPOINTS);
  return {
    ...createWaiters(api, clock, options.wait ?? {}),
    /** Default zone of requests. */
    zone: ctx.zone,
    /** Base URL requests go to. */
    apiUrl: env.baseUrl,
    ...api,
    /** Closes the connection pool (unless it was shared in through `transport`). */
    close: (): Promise<void> => (options.transport ? Promise.resolve() : transport.close()),
  };
}

/** The client: every endpoint method, `listAll…` helpers, waiters, `zone`, `apiUrl`, `close()`. */
export type LbClient = ReturnType<typeof createLbClient>;
