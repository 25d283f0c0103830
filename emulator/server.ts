/**
 * HTTP plumbing on node:http: body reading with a 1 MiB limit and a nesting limit, latency, fault
 * injection, auth, routing, error rendering, request logging and durable writes. Nothing a client
 * sends may stop the server: every path is guarded, and a last-resort handler answers 500.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { handleAdmin } from "./admin";
import type { FaultRule, LatencyMethod } from "./config";
import type { HandlerResult } from "./context";
import { NotDurableError } from "./durability";
import {
  ApiError,
  deniedAuthentication,
  internalError,
  invalidArgument,
  methodNotAllowed,
  routeNotFound,
  serviceUnavailable,
  tooManyRequests,
} from "./errors";
import { isUuid } from "./ids";
import { exceedsDepth, MAX_BODY_DEPTH } from "./json-depth";
import { queryOf } from "./query";
import { queryObject } from "./request-log";
import { isMutation, matchRoute } from "./router";
import type { EmulatorRuntime } from "./runtime";
import { isZone } from "./zones";

export const MAX_BODY_BYTES = 1024 * 1024;

const ADMIN_PREFIX = "/__emulator";

type Body = { kind: "none" } | { kind: "json"; value: unknown } | { kind: "invalid"; reason: string };

interface Answer {
  status: number;
  body?: unknown;
  /** Already serialized JSON, sent as is instead of `body`. */
  raw?: string;
  headers?: Record<string, string>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Reads the whole body; past the limit it keeps draining (so the client can read the 400) but stores nothing. */
function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("error", () => resolve({ kind: "invalid", reason: "the request body could not be read" }));
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) {
        resolve({ kind: "invalid", reason: `the request body exceeds ${MAX_BODY_BYTES} bytes` });
        return;
      }
      const text = Buffer.concat(chunks).toString("utf8");
      if (text.trim() === "") {
        resolve({ kind: "none" });
        return;
      }
      if (exceedsDepth(text, MAX_BODY_DEPTH)) {
        resolve({
          kind: "invalid",
          reason: `the request body is nested deeper than ${MAX_BODY_DEPTH} levels`,
        });
        return;
      }
      try {
        resolve({ kind: "json", value: JSON.parse(text) });
      } catch {
        resolve({ kind: "invalid", reason: "the request body is not valid JSON" });
      }
    });
  });
}

function send(res: ServerResponse, answer: Answer): void {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-Request-Id": randomUUID(),
    Server: "Scaleway API Gateway (emulator)",
    ...answer.headers,
  };
  if ((answer.body === undefined && answer.raw === undefined) || answer.status === 204) {
    res.writeHead(answer.status, headers);
    res.end();
    return;
  }
  const text = answer.raw ?? JSON.stringify(answer.body);
  headers["Content-Length"] = String(Buffer.byteLength(text));
  res.writeHead(answer.status, headers);
  res.end(text);
}

function errorAnswer(error: unknown, log: (line: string) => void): Answer {
  if (error instanceof ApiError) return { status: error.status, body: error.body, headers: error.headers };
  if (error instanceof NotDurableError) {
    log(error.message);
    return {
      status: 503,
      body: {
        message: "service unavailable: the change could not be saved to the data file and was not applied",
        type: "service_unavailable",
      },
    };
  }
  log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const fallback = internalError();
  return { status: fallback.status, body: fallback.body };
}

function faultAnswer(rule: FaultRule): Answer | undefined {
  const error =
    rule.kind === "429"
      ? tooManyRequests(rule.retryAfterSeconds)
      : rule.kind === "500"
        ? internalError()
        : rule.kind === "503"
          ? serviceUnavailable(rule.retryAfterSeconds)
          : undefined;
  return error ? { status: error.status, body: error.body, headers: error.headers } : undefined;
}

function authenticate(runtime: EmulatorRuntime, req: IncomingMessage): void {
  const raw = req.headers["x-auth-token"];
  const token = Array.isArray(raw) ? raw[0] : raw;
  if (!token) throw deniedAuthentication("invalid_argument");
  const accepted = runtime.config.acceptedSecretKeys;
  if (accepted !== null && !accepted.includes(token)) throw deniedAuthentication("not_found");
}

/** Routing, parameter checks and the handler itself; synchronous so writes never interleave. */
function dispatch(runtime: EmulatorRuntime, req: IncomingMessage, url: URL, body: Body): HandlerResult {
  authenticate(runtime, req);
  const method = req.method ?? "GET";
  const route = matchRoute(method, url.pathname);
  if (route.kind === "not_found") throw routeNotFound();
  if (route.kind === "method_not_allowed") throw methodNotAllowed();
  for (const [name, value] of Object.entries(route.params)) {
    if (name === "zone" && !isZone(value)) {
      throw invalidArgument("zone", "constraint", `unknown zone "${value}"`);
    }
    if (name.endsWith("_id") && !isUuid(value))
      throw invalidArgument(name, "format", `${name} must be a UUID`);
  }
  if (body.kind === "invalid") throw invalidArgument("body", "format", body.reason);
  const params = Object.fromEntries(Object.entries(route.params).map(([k, v]) => [k, v.toLowerCase()]));
  runtime.lifecycle.tick();
  return route.handler({
    zone: params.zone ?? "",
    params,
    query: queryOf(url.searchParams),
    body: body.kind === "json" ? body.value : undefined,
    store: runtime.store,
    lifecycle: runtime.lifecycle,
  });
}

async function handleApi(
  runtime: EmulatorRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  log: (line: string) => void,
): Promise<void> {
  const started = performance.now();
  const generation = runtime.log.currentGeneration;
  const method = req.method ?? "GET";
  const body = await readBody(req);
  const record = (status: number) =>
    runtime.log.add(
      {
        method,
        path: url.pathname,
        query: queryObject(url.searchParams),
        status,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
        body: body.kind === "json" ? body.value : null,
      },
      generation,
    );
  const config = runtime.config;
  const latency = config.latencyMs + (config.methodLatencyMs[method as LatencyMethod] ?? 0);
  if (latency > 0) await sleep(latency);
  const fault = runtime.faults.draw(config.faults, method, url.pathname);
  const phase = fault?.phase ?? "before";
  if (fault && phase === "before") {
    if (fault.kind === "reset") {
      record(0);
      req.socket.destroy();
      return;
    }
    if (fault.kind === "slow") await sleep(fault.slowMs ?? 2000);
    const faulted = faultAnswer(fault);
    if (faulted) {
      record(faulted.status);
      send(res, faulted);
      return;
    }
  }
  let answer: Answer;
  try {
    // Saved before answering: an acknowledged write survives a crash right after the answer.
    answer = runtime.transaction(isMutation(method), () => dispatch(runtime, req, url, body));
  } catch (error) {
    answer = errorAnswer(error, log);
  }
  if (fault && phase === "after") {
    if (fault.kind === "reset") {
      record(0);
      req.socket.destroy();
      return;
    }
    if (fault.kind === "slow") await sleep(fault.slowMs ?? 2000);
    answer = faultAnswer(fault) ?? answer;
  }
  record(answer.status);
  send(res, answer);
}

async function handleAdminRequest(
  runtime: EmulatorRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  log: (line: string) => void,
) {
  const body = await readBody(req);
  let answer: Answer;
  try {
    if (body.kind === "invalid") throw invalidArgument("body", "format", body.reason);
    answer = handleAdmin(
      runtime,
      req.method ?? "GET",
      url.pathname,
      body.kind === "json" ? body.value : undefined,
    );
  } catch (error) {
    answer = errorAnswer(error, log);
  }
  send(res, answer);
}

/** The request target as a URL; `undefined` when it cannot be parsed (e.g. `http://[::1/lbs`). */
function parseTarget(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? "/", "http://emulator.invalid");
  } catch {
    return undefined;
  }
}

/** Last resort: whatever went wrong, answer 500 if nothing was sent yet, and keep serving. */
function fail(res: ServerResponse, error: unknown, log: (line: string) => void): void {
  log(`request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  try {
    if (!res.headersSent) send(res, errorAnswer(internalError(), log));
    else res.destroy();
  } catch {
    res.destroy();
  }
}

/** Malformed request lines and headers never reach the handler: node's parser reports them here. */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // As node's own handler: answer unless a response already started on this connection.
  const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (!socket.writable || started) {
    socket.destroy();
    return;
  }
  const [status, reason] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "Request Header Fields Too Large"]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout"]
        : [400, "Bad Request"];
  const body = JSON.stringify({
    details: [
      {
        argument_name: "request",
        reason: "format",
        help_message: `malformed HTTP request (${error.code ?? "parse error"})`,
      },
    ],
    message: "invalid argument(s)",
    type: "invalid_arguments",
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Headers must arrive within this time, a whole request within REQUEST_TIMEOUT_MS (slow clients). */
export const HEADERS_TIMEOUT_MS = 20_000;
export const REQUEST_TIMEOUT_MS = 60_000;

export function createEmulatorServer(runtime: EmulatorRuntime, log: (line: string) => void): Server {
  const server = createServer((req, res) => {
    try {
      const url = parseTarget(req.url);
      if (!url) {
        req.resume();
        send(
          res,
          errorAnswer(invalidArgument("url", "format", "the request target is not a valid URL"), log),
        );
        return;
      }
      const isAdmin = url.pathname === ADMIN_PREFIX || url.pathname.startsWith(`${ADMIN_PREFIX}/`);
      const work = isAdmin
        ? handleAdminRequest(runtime, req, res, url, log)
        : handleApi(runtime, req, res, url, log);
      work.catch((error: unknown) => fail(res, error, log));
    } catch (error) {
      fail(res, error, log);
    }
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.on("clientError", (error: Error & { code?: string }, socket: Duplex) => {
    try {
      answerClientError(error, socket);
    } catch {
      socket.destroy();
    }
  });
  return server;
}
