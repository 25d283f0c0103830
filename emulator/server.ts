/**
 * HTTP plumbing on node:http: body reading with a 1 MiB limit, latency, fault injection, auth,
 * routing, error rendering, request logging and persistence of successful writes.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { handleAdmin } from "./admin";
import type { FaultRule } from "./config";
import type { HandlerResult } from "./context";
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
  if (answer.body === undefined || answer.status === 204) {
    res.writeHead(answer.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(answer.body);
  headers["Content-Length"] = String(Buffer.byteLength(text));
  res.writeHead(answer.status, headers);
  res.end(text);
}

function errorAnswer(error: unknown, log: (line: string) => void): Answer {
  if (error instanceof ApiError) return { status: error.status, body: error.body, headers: error.headers };
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
  if (config.latencyMs > 0) await sleep(config.latencyMs);
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
    answer = dispatch(runtime, req, url, body);
  } catch (error) {
    answer = errorAnswer(error, log);
  }
  // Saved before answering: an acknowledged write survives a crash right after the answer.
  runtime.persistIfChanged(isMutation(method) && answer.status < 400);
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
) {
  const body = await readBody(req);
  try {
    if (body.kind === "invalid") throw invalidArgument("body", "format", body.reason);
    const answer = handleAdmin(
      runtime,
      req.method ?? "GET",
      url.pathname,
      body.kind === "json" ? body.value : undefined,
    );
    send(res, answer);
  } catch (error) {
    send(
      res,
      errorAnswer(error, () => undefined),
    );
  }
}

export function createEmulatorServer(runtime: EmulatorRuntime, log: (line: string) => void): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const isAdmin = url.pathname === ADMIN_PREFIX || url.pathname.startsWith(`${ADMIN_PREFIX}/`);
    const work = isAdmin
      ? handleAdminRequest(runtime, req, res, url)
      : handleApi(runtime, req, res, url, log);
    work.catch((error: unknown) => {
      log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(res, errorAnswer(error, log));
      else res.destroy();
    });
  });
}
