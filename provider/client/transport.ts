/**
 * One HTTP attempt over undici, with a keep-alive connection pool and a per-request timeout.
 * Never throws: every outcome is a value, and connection failures are classified by whether
 * the request may have reached the server (see `AttemptOutcome` in retry.ts).
 */
import { Agent, request } from "undici";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Per-request timeout in milliseconds (connect + headers + body). */
  timeoutMs: number;
  /** Aborts the request (operation deadline, caller cancellation). */
  signal?: AbortSignal;
}

export type HttpResult =
  | { type: "response"; status: number; headers: Record<string, string>; bodyText: string }
  | {
      type: "failure";
      /** See retry.ts: "no" = known not to have reached the server. */
      sent: "no" | "maybe";
      /** A stable code: `ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET`, `TIMEOUT`, `ABORTED`, … */
      code: string;
      message: string;
      timedOut: boolean;
      aborted: boolean;
    };

export interface Transport {
  send(request: HttpRequest): Promise<HttpResult>;
  /** Closes the connection pool. */
  close(): Promise<void>;
}

/** Codes for failures that happen before anything was written to the server. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_INVALID_ARG",
  "UND_ERR_DESTROYED",
  "UND_ERR_CLOSED",
  "ERR_INVALID_URL",
]);

/** The `code` of an error or of its cause chain, if any. */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const code = Reflect.get(current, "code");
    if (typeof code === "string" && code !== "") return code;
    current = Reflect.get(current, "cause");
  }
  return undefined;
}

export function classifyNetworkError(error: unknown): { code: string; sent: "no" | "maybe" } {
  const code = errorCode(error) ?? "ENETWORK";
  return { code, sent: NOT_SENT_CODES.has(code) ? "no" : "maybe" };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/** A transport with its own keep-alive pool (16 connections per origin); share it between clients. */
export function createUndiciTransport(): Transport {
  const dispatcher = new Agent({ connections: 16, keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });

  return {
    async send(req) {
      const timeoutMs = Math.max(1, Math.ceil(req.timeoutMs));
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
      const fail = (error: unknown): HttpResult => {
        const timedOut = timeout.aborted;
        const aborted = !timedOut && (req.signal?.aborted ?? false);
        if (timedOut || aborted) {
          // Aborted while connecting or waiting: we cannot tell whether the server got it.
          return {
            type: "failure",
            sent: "maybe",
            code: timedOut ? "TIMEOUT" : "ABORTED",
            message: timedOut ? `no answer within ${timeoutMs} ms` : "aborted",
            timedOut,
            aborted,
          };
        }
        const { code, sent } = classifyNetworkError(error);
        return { type: "failure", sent, code, message: errorMessage(error), timedOut: false, aborted: false };
      };
      try {
        const response = await request(req.url, {
          dispatcher,
          method: req.method,
          headers: req.headers,
          body: req.body ?? null,
          signal,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        const bodyText = await response.body.text();
        return {
          type: "response",
          status: response.statusCode,
          headers: flattenHeaders(response.headers),
          bodyText,
        };
      } catch (error) {
        return fail(error);
      }
    },
    close: () => dispatcher.close(),
  };
}
