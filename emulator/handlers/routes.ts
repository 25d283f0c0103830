/**
 * Routes (§2 #26–30, §4.5): a frontend sends matching traffic to another backend of its LB.
 * `sni` matches TCP backends, `host_header`/`path_begin` HTTP ones (§3.7).
 */
import { z } from "zod";
import { timestamp } from "../clock";
import { type HandlerResult, noContent, ok, type RequestContext } from "../context";
import { invalidArgument } from "../errors";
import { newId } from "../ids";
import { enumParam, ORDER_CREATED, paginate, sortRows, uuidParam } from "../query";
import type { BackendRecord, LbRecord, RouteMatchKind, RouteRecord } from "../records";
import { atMostOne, bodyObject, opt, parseWith, uuid } from "../validation";
import { renderRoute } from "../wire/route";
import { findBackend, findFrontend, requireStable, routeParam } from "./lookup";

const MATCH_KINDS = ["sni", "host_header", "path_begin"] as const;

const matchSchema = z.object({
  sni: opt(z.string().min(1).max(255)),
  host_header: opt(z.string().min(1).max(255)),
  path_begin: opt(z.string().min(1).max(255)),
  match_subdomains: opt(z.boolean()),
});

const createSchema = z.object({ frontend_id: uuid, backend_id: uuid, match: matchSchema });
const updateSchema = z.object({ backend_id: uuid, match: matchSchema });

function toMatch(
  raw: unknown,
  input: z.output<typeof matchSchema>,
  backend: BackendRecord,
): RouteRecord["match"] {
  const kind: RouteMatchKind | undefined = atMostOne(bodyObject(raw), MATCH_KINDS, "match", "match.");
  const value = kind === undefined ? undefined : input[kind];
  if (kind === undefined || !value) {
    throw invalidArgument(
      "match",
      "required",
      "one of match.sni, match.host_header, match.path_begin is required",
    );
  }
  const wants = kind === "sni" ? "tcp" : "http";
  if (backend.forwardProtocol !== wants) {
    throw invalidArgument(
      `match.${kind}`,
      "constraint",
      `match.${kind} needs a backend whose protocol is ${wants}`,
    );
  }
  return { kind, value, matchSubdomains: input.match_subdomains ?? false };
}

function sameLbBackend(ctx: RequestContext, lb: LbRecord, backendId: string): BackendRecord {
  const backend = findBackend(ctx, backendId);
  if (backend.lbId !== lb.id) {
    throw invalidArgument(
      "backend_id",
      "constraint",
      "the backend and the frontend belong to different Load Balancers",
    );
  }
  return backend;
}

function lbOf(ctx: RequestContext, lbId: string): LbRecord {
  const lb = ctx.store.lbs.get(lbId);
  if (!lb) throw new Error(`emulator invariant: LB ${lbId} missing`);
  return lb;
}

function rawMatch(ctx: RequestContext): unknown {
  return bodyObject(ctx.body).match;
}

export function listRoutes(ctx: RequestContext): HandlerResult {
  const frontendId = uuidParam(ctx.query, "frontend_id");
  const orderBy = enumParam(ctx.query, "order_by", ORDER_CREATED, "created_at_asc");
  const rows = ctx.store.routes
    .values()
    .filter((r) => r.zone === ctx.zone && (frontendId === undefined || r.frontendId === frontendId));
  const page = paginate(ctx.query, sortRows(rows, orderBy));
  return ok({ routes: page.items.map(renderRoute), total_count: page.totalCount });
}

export function createRoute(ctx: RequestContext): HandlerResult {
  const body = parseWith(createSchema, bodyObject(ctx.body));
  const frontend = findFrontend(ctx, body.frontend_id);
  const lb = lbOf(ctx, frontend.lbId);
  const backend = sameLbBackend(ctx, lb, body.backend_id);
  const match = toMatch(rawMatch(ctx), body.match, backend);
  requireStable(lb);
  const now = timestamp();
  const route: RouteRecord = {
    id: newId(),
    zone: ctx.zone,
    seq: ctx.store.nextSeq(),
    lbId: lb.id,
    frontendId: frontend.id,
    backendId: backend.id,
    match,
    createdAt: now,
    updatedAt: now,
  };
  ctx.store.routes.put(route);
  ctx.lifecycle.configChanged(lb.id);
  return ok(renderRoute(route));
}

export function getRoute(ctx: RequestContext): HandlerResult {
  return ok(renderRoute(routeParam(ctx)));
}

export function updateRoute(ctx: RequestContext): HandlerResult {
  const route = routeParam(ctx);
  const body = parseWith(updateSchema, bodyObject(ctx.body));
  const lb = lbOf(ctx, route.lbId);
  const backend = sameLbBackend(ctx, lb, body.backend_id);
  const match = toMatch(rawMatch(ctx), body.match, backend);
  requireStable(lb);
  route.backendId = backend.id;
  route.match = match;
  route.updatedAt = timestamp();
  ctx.lifecycle.configChanged(lb.id);
  return ok(renderRoute(route));
}

export function deleteRoute(ctx: RequestContext): HandlerResult {
  const route = routeParam(ctx);
  requireStable(lbOf(ctx, route.lbId));
  ctx.store.routes.delete(route.id);
  ctx.lifecycle.configChanged(route.lbId);
  return noContent();
}
