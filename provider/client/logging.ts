/**
 * Optional request logging: one line per HTTP attempt with the operation, method, path (with
 * query), status or network error code, duration and attempt number. Never headers, never
 * bodies. Enabled by an injected sink, or by `SCW_LB_DEBUG=1` (to stderr).
 */
import type { Redactor } from "./redaction";

export type LogSink = (line: string) => void;

export interface RequestLogEntry {
  operation: string;
  method: string;
  /** Path plus query string. */
  target: string;
  /** HTTP status, or a network error code such as `ECONNRESET`. */
  outcome: number | string;
  durationMs: number;
  attempt: number;
}

/** `scaleway-lb: getLb GET /lb/v1/zones/fr-par-1/lbs/… -> 200 (12 ms, attempt 1)` */
export function formatRequestLog(entry: RequestLogEntry): string {
  const ms = Math.round(entry.durationMs);
  return `scaleway-lb: ${entry.operation} ${entry.method} ${entry.target} -> ${entry.outcome} (${ms} ms, attempt ${entry.attempt})`;
}

export const stderrSink: LogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

/**
 * The sink to use: an explicitly injected one (`null` disables logging), else stderr when
 * `SCW_LB_DEBUG` is `1`/`true`, else none.
 */
export function resolveLogSink(
  logger: LogSink | null | undefined,
  env: Readonly<Record<string, string | undefined>>,
): LogSink | null {
  if (logger !== undefined) return logger;
  return debugEnabled(env) ? stderrSink : null;
}

/** `SCW_LB_DEBUG` is `1` or `true`. */
export function debugEnabled(env: Readonly<Record<string, string | undefined>>): boolean {
  const flag = env.SCW_LB_DEBUG?.trim().toLowerCase();
  return flag === "1" || flag === "true";
}

/** Wraps a sink so that every line goes through the redactor first. */
export function redactingSink(sink: LogSink, redact: Redactor): LogSink {
  return (line) => sink(redact(line));
}
