/**
 * The emulator's runtime configuration: lifecycle timings, latency, failure injection, auth.
 * Shared contract with the client and the tests (`GET/PUT /__emulator/config`).
 */
import { z } from "zod";
import { REALISTIC_LATENCY_MS } from "./realistic-latency";
import { DEFAULT_REQUEST_LOG_LIMIT } from "./request-log";
import { patternProblem } from "./safe-pattern";

/**
 * How long a transition takes. `reads`: the object shows its transient state to N reads, the
 * next read sees the final state. `duration`: the final state is reached `ms` after the change.
 * `queuedReads`/`queuedMs` only matter for LB creation: how long `to_create` (no instance yet)
 * lasts before `creating`; they add to `reads`/`ms`.
 */
export type Timing =
  | { mode: "instant" }
  | { mode: "reads"; reads: number; queuedReads?: number }
  | { mode: "duration"; ms: number; queuedMs?: number };

export interface EmulatorTimings {
  lbCreate: Timing;
  /** Migrating to another offer type (`POST /lbs/{id}/migrate`). */
  lbUpdate: Timing;
  lbDelete: Timing;
  /** Instances `pending` after each configuration change. */
  instances: Timing;
  /** Let's Encrypt certificates `pending` -> `ready`. */
  certificate: Timing;
  /** Private network attachments `pending` -> `ready`, and detachments `pending` -> gone. */
  privateNetwork: Timing;
}

export type FaultKind = "429" | "500" | "503" | "reset" | "slow";

export interface FaultRule {
  kind: FaultKind;
  /** Probability in [0, 1] that a matching request is faulted. */
  rate: number;
  method?: string;
  pathPattern?: string;
  slowMs?: number;
  retryAfterSeconds?: number;
  /**
   * `after`: apply the change, then fail the answer ("outcome unknown"). Refused for 429: the
   * API's 429 means the request was rate limited and not processed.
   */
  phase?: "before" | "after";
}

/** HTTP methods that can carry a per-method latency. */
export type LatencyMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface EmulatorConfig {
  /** Added to every API answer, on top of `methodLatencyMs`. */
  latencyMs: number;
  /** Added to API answers of each method (the realistic preset: medians of the recordings). */
  methodLatencyMs: Partial<Record<LatencyMethod, number>>;
  timings: EmulatorTimings;
  /** LBs whose name matches end in `error`; cleared, they become `ready` on their next read. */
  lbErrorPattern: string | null;
  /** `null`: any non-empty X-Auth-Token is accepted. */
  acceptedSecretKeys: string[] | null;
  faults: FaultRule[];
  seed: number;
  /** Entries kept by the request log; older ones are dropped (and counted). */
  requestLogLimit: number;
}

/** What callers may pass: any subset of the keys, and any subset of the timings. */
export type EmulatorConfigInput = Partial<Omit<EmulatorConfig, "timings">> & {
  timings?: Partial<EmulatorTimings>;
};

const INSTANT: Timing = { mode: "instant" };

export function defaultConfig(): EmulatorConfig {
  return {
    latencyMs: 0,
    methodLatencyMs: {},
    timings: {
      lbCreate: INSTANT,
      lbUpdate: INSTANT,
      lbDelete: INSTANT,
      instances: INSTANT,
      certificate: INSTANT,
      privateNetwork: INSTANT,
    },
    lbErrorPattern: null,
    acceptedSecretKeys: null,
    faults: [],
    seed: 1,
    requestLogLimit: DEFAULT_REQUEST_LOG_LIMIT,
  };
}

/** Timings close to what the recordings show at a 2 s poll interval. */
export function realisticTimings(): EmulatorTimings {
  return {
    lbCreate: { mode: "duration", ms: 6000, queuedMs: 2000 },
    lbUpdate: { mode: "duration", ms: 5000 },
    lbDelete: { mode: "duration", ms: 3000 },
    instances: { mode: "duration", ms: 2000 },
    certificate: { mode: "duration", ms: 8000 },
    privateNetwork: { mode: "duration", ms: 4000 },
  };
}

/** Per-method answer latency of the realistic preset (see realistic-latency.ts). */
export function realisticLatency(): Partial<Record<LatencyMethod, number>> {
  return { ...REALISTIC_LATENCY_MS };
}

const count = z.number().int().min(0);
/** Delays are timers: past 2^31 ms node fires them at once, so they are capped at ten minutes. */
const delayMs = count.max(600_000);

const timingSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("instant") }).strict(),
  z.object({ mode: z.literal("reads"), reads: count, queuedReads: count.optional() }).strict(),
  z.object({ mode: z.literal("duration"), ms: count, queuedMs: count.optional() }).strict(),
]);

/** Patterns run on the linear-time matcher (safe-pattern.ts); unsupported syntax is refused. */
const regex = z.string().superRefine((value, ctx) => {
  const problem = patternProblem(value);
  if (problem !== null) ctx.addIssue({ code: "custom", message: problem });
});

export const FAULT_429_AFTER =
  'phase "after" cannot be used with kind "429": the API answers 429 to a rate-limited request that it did not process';

const faultSchema = z
  .object({
    kind: z.enum(["429", "500", "503", "reset", "slow"]),
    rate: z.number().min(0).max(1),
    method: z.string().min(1).optional(),
    pathPattern: regex.optional(),
    slowMs: delayMs.optional(),
    retryAfterSeconds: count.max(3600).optional(),
    phase: z.enum(["before", "after"]).optional(),
  })
  .strict()
  .refine((rule) => !(rule.kind === "429" && rule.phase === "after"), {
    message: FAULT_429_AFTER,
    path: ["phase"],
  });

/** Body of `PUT /__emulator/config`: any subset of keys; `timings` merges per transition. */
export const configPatchSchema = z
  .object({
    latencyMs: delayMs.optional(),
    methodLatencyMs: z
      .object({
        GET: delayMs.optional(),
        POST: delayMs.optional(),
        PUT: delayMs.optional(),
        PATCH: delayMs.optional(),
        DELETE: delayMs.optional(),
      })
      .strict()
      .optional(),
    timings: z
      .object({
        lbCreate: timingSchema.optional(),
        lbUpdate: timingSchema.optional(),
        lbDelete: timingSchema.optional(),
        instances: timingSchema.optional(),
        certificate: timingSchema.optional(),
        privateNetwork: timingSchema.optional(),
      })
      .strict()
      .optional(),
    lbErrorPattern: regex.nullable().optional(),
    acceptedSecretKeys: z.array(z.string().min(1)).nullable().optional(),
    faults: z.array(faultSchema).optional(),
    seed: z.number().int().optional(),
    requestLogLimit: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();

export type ConfigPatch = z.infer<typeof configPatchSchema>;

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A new config: `base` with the keys of `patch` replaced (timings merged one level deeper). */
export function mergeConfig(
  base: EmulatorConfig,
  patch: ConfigPatch | Partial<EmulatorConfig>,
): EmulatorConfig {
  const { timings, ...rest } = patch;
  return cloneConfig({
    ...base,
    ...dropUndefined(rest),
    timings: { ...base.timings, ...dropUndefined(timings ?? {}) },
  });
}

export function cloneConfig(config: EmulatorConfig): EmulatorConfig {
  return structuredClone(config);
}
