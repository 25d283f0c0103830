/**
 * Backends (§2 #12–20, §4.3): list, create, get, full-replacement update, delete, the separate
 * health-check update, the three server-pool calls, and the backend statistics.
 */
import { z } from "zod";
import { timestamp } from "../clock";
import { type HandlerResult, noContent, ok, type RequestContext } from "../context";
import { invalidArgument, resourceStillInUse } from "../errors";
import { newId } from "../ids";
import { enumParam, first, nameMatches, ORDER_CREATED_NAME, paginate, sortRows, uuidParam } from "../query";
import type { BackendRecord, BackendSettings, LbRecord } from "../records";
import {
  bodyObject,
  duration,
  enumOf,
  ipAddress,
  ms,
  name,
  opt,
  parseWith,
  port,
  uint32,
} from "../validation";
import { renderBackend, renderHealthCheck } from "../wire/backend";
import type { JsonObject } from "../wire/json";
import { healthCheckSchema, toHealthCheck } from "./health-check";
import { backendParam, lbParam, requireStable } from "./lookup";

const PROXY_PROTOCOLS = [
  "proxy_protocol_unknown",
  "proxy_protocol_none",
  "proxy_protocol_v1",
  "proxy_protocol_v2",
  "proxy_protocol_v2_ssl",
  "proxy_protocol_v2_ssl_cn",
] as const;

const editable = {
  name,
  forward_protocol: opt(enumOf(["tcp", "http"])),
  forward_port: port,
  forward_port_algorithm: opt(enumOf(["roundrobin", "leastconn", "first"])),
  sticky_sessions: opt(enumOf(["none", "cookie", "table"])),
  sticky_sessions_cookie_name: opt(z.string().max(255)),
  send_proxy_v2: opt(z.boolean()),
  timeout_server: opt(ms),
  timeout_connect: opt(ms),
  timeout_tunnel: opt(ms),
  on_marked_down_action: opt(enumOf(["on_marked_down_action_none", "shutdown_sessions"])),
  proxy_protocol: opt(enumOf(PROXY_PROTOCOLS)),
  failover_host: opt(z.string().max(255)),
  ssl_bridging: opt(z.boolean()),
  ignore_ssl_server_verify: opt(z.boolean()),
  redispatch_attempt_count: opt(uint32),
  max_retries: opt(uint32),
  max_connections: opt(uint32),
  timeout_queue: opt(duration),
  host: opt(z.string().max(255)),
};

const serverIps = opt(z.array(ipAddress).max(1000));

const createSchema = z.object({ ...editable, health_check: healthCheckSchema, server_ip: serverIps });
const updateSchema = z.object(editable);
const serversSchema = z.object({ server_ip: serverIps });

type Editable = z.output<typeof updateSchema>;

/** Every editable field from a create or PUT body: omitted or null is the default (§5). */
function settingsFrom(body: Editable): BackendSettings {
  const sticky = body.sticky_sessions ?? "none";
  const cookie = body.sticky_sessions_cookie_name ?? "";
  if (sticky === "cookie" && cookie === "") {
    throw invalidArgument(
      "sticky_sessions_cookie_name",
      "required",
      "required when sticky_sessions is cookie",
    );
  }
  const sendProxyV2 = body.send_proxy_v2 ?? false;
  const proxy = body.proxy_protocol ?? "proxy_protocol_unknown";
  return {
    name: body.name,
    forwardProtocol: body.forward_protocol ?? "tcp",
    forwardPort: body.forward_port,
    forwardPortAlgorithm: body.forward_port_algorithm ?? "roundrobin",
    stickySessions: sticky,
    stickySessionsCookieName: cookie,
    sendProxyV2,
    // The deprecated flag maps onto the real setting when that one is left unset (§8.4).
    proxyProtocol: sendProxyV2 && proxy === "proxy_protocol_unknown" ? "proxy_protocol_v2" : proxy,
    timeoutServer: body.timeout_server ?? null,
    timeoutConnect: body.timeout_connect ?? null,
    timeoutTunnel: body.timeout_tunnel ?? null,
    onMarkedDownAction: body.on_marked_down_action ?? "on_marked_down_action_none",
    failoverHost: body.failover_host ?? null,
    sslBridging: body.ssl_bridging ?? false,
    ignoreSslServerVerify: body.ignore_ssl_server_verify ?? null,
    redispatchAttemptCount: body.redispatch_attempt_count ?? null,
    maxRetries: body.max_retries ?? null,
    maxConnections: body.max_connections ?? null,
    timeoutQueue: body.timeout_queue ?? null,
    host: body.host ?? "",
  };
}

function unique(ips: readonly string[]): string[] {
  return [...new Set(ips)];
}

export function listBackends(ctx: RequestContext): HandlerResult {
  const lb = lbParam(ctx);
  const nameFilter = first(ctx.query, "name");
  const orderBy = enumParam(ctx.query, "order_by", ORDER_CREATED_NAME, "created_at_asc");
  const rows = ctx.store.backends.where("lb", lb.id).filter((b) => nameMatches(nameFilter, b.name));
  const page = paginate(ctx.query, sortRows(rows, orderBy));
  return ok({
    backends: page.items.map((b) => renderBackend(ctx.store, b, true)),
    total_count: page.totalCount,
  });
}

export function createBackend(ctx: RequestContext): HandlerResult {
  const lb = lbParam(ctx);
  const body = parseWith(createSchema, bodyObject(ctx.body));
  requireStable(lb);
  const now = timestamp();
  const backend: BackendRecord = {
    id: newId(),
    zone: ctx.zone,
    seq: ctx.store.nextSeq(),
    lbId: lb.id,
    ...settingsFrom(body),
    healthCheck: toHealthCheck(body.health_check, body.forward_port, "health_check."),
    pool: unique(body.server_ip ?? []),
    createdAt: now,
    updatedAt: now,
  };
  ctx.store.backends.put(backend);
  ctx.lifecycle.configChanged(lb.id);
  return ok(renderBackend(ctx.store, backend, true));
}

export function getBackend(ctx: RequestContext): HandlerResult {
  return ok(renderBackend(ctx.store, backendParam(ctx), true));
}

function stableParent(ctx: RequestContext, backend: BackendRecord): LbRecord {
  const lb = ctx.store.lbs.get(backend.lbId);
  if (!lb) throw new Error(`emulator invariant: LB ${backend.lbId} missing for a backend`);
  requireStable(lb);
  return lb;
}

export function updateBackend(ctx: RequestContext): HandlerResult {
  const backend = backendParam(ctx);
  const body = parseWith(updateSchema, bodyObject(ctx.body));
  const lb = stableParent(ctx, backend);
  Object.assign(backend, settingsFrom(body));
  backend.updatedAt = timestamp();
  ctx.lifecycle.configChanged(lb.id);
  return ok(renderBackend(ctx.store, backend, true));
}

/** A backend still used by a frontend or a route cannot be deleted (412, §7.3). */
export function deleteBackend(ctx: RequestContext): HandlerResult {
  const backend = backendParam(ctx);
  const lb = stableParent(ctx, backend);
  const frontend = ctx.store.frontends.where("lb", lb.id).find((f) => f.backendId === backend.id);
  if (frontend) throw resourceStillInUse(`backend ${backend.id} is used by frontend ${frontend.id}`);
  const route = ctx.store.routes.where("lb", lb.id).find((r) => r.backendId === backend.id);
  if (route) throw resourceStillInUse(`backend ${backend.id} is used by route ${route.id}`);
  ctx.store.backends.delete(backend.id);
  ctx.lifecycle.configChanged(lb.id);
  return noContent();
}

/** Replaces the whole health check; answers the `HealthCheck`, not the backend (§4.3). */
export function updateHealthCheck(ctx: RequestContext): HandlerResult {
  const backend = backendParam(ctx);
  const body = parseWith(healthCheckSchema.required({ port: true }), bodyObject(ctx.body));
  const lb = stableParent(ctx, backend);
  backend.healthCheck = toHealthCheck(body, backend.forwardPort);
  backend.updatedAt = timestamp();
  ctx.lifecycle.configChanged(lb.id);
  return ok(renderHealthCheck(backend.healthCheck));
}

function changePool(ctx: RequestContext, change: (pool: string[], ips: string[]) => string[]): HandlerResult {
  const backend = backendParam(ctx);
  const body = parseWith(serversSchema, bodyObject(ctx.body));
  const lb = stableParent(ctx, backend);
  backend.pool = unique(change(backend.pool, body.server_ip ?? []));
  backend.updatedAt = timestamp();
  ctx.lifecycle.configChanged(lb.id);
  return ok(renderBackend(ctx.store, backend, true));
}

export function addBackendServers(ctx: RequestContext): HandlerResult {
  return changePool(ctx, (pool, ips) => [...pool, ...ips]);
}

export function setBackendServers(ctx: RequestContext): HandlerResult {
  return changePool(ctx, (_pool, ips) => ips);
}

export function removeBackendServers(ctx: RequestContext): HandlerResult {
  return changePool(ctx, (pool, ips) => pool.filter((ip) => !ips.includes(ip)));
}

/** One row per LB instance and pool server (§3.13); nothing is probed, so servers look stopped. */
function statsRows(ctx: RequestContext, lb: LbRecord): JsonObject[] {
  const backendId = uuidParam(ctx.query, "backend_id");
  const instanceId = lb.instance?.id;
  if (instanceId === undefined) return [];
  return ctx.store.backends
    .where("lb", lb.id)
    .filter((b) => backendId === undefined || b.id === backendId)
    .flatMap((b) =>
      b.pool.map((ip) => ({
        backend_id: b.id,
        instance_id: instanceId,
        ip,
        last_health_check_status: "unknown",
        server_state: "stopped",
        server_state_changed_at: null,
      })),
    );
}

export function listBackendStats(ctx: RequestContext): HandlerResult {
  const page = paginate(ctx.query, statsRows(ctx, lbParam(ctx)));
  return ok({ backend_servers_stats: page.items, total_count: page.totalCount });
}

/** Deprecated `GET /lbs/{id}/stats`: the same rows, and no `total_count`. */
export function getLbStats(ctx: RequestContext): HandlerResult {
  return ok({ backend_servers_stats: statsRows(ctx, lbParam(ctx)) });
}
