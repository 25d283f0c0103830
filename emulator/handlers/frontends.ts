/** Frontends (§2 #21–25, §4.4): one inbound port per LB, a backend and certificates of the same LB. */
import { z } from "zod";
import { timestamp } from "../clock";
import { type HandlerResult, noContent, ok, type RequestContext } from "../context";
import { invalidArgument } from "../errors";
import { newId } from "../ids";
import { enumParam, first, nameMatches, ORDER_CREATED_NAME, paginate, sortRows } from "../query";
import type { FrontendRecord, LbRecord } from "../records";
import { bodyObject, ms, name, opt, parseWith, port, uint32, uuid } from "../validation";
import { EMBED_BARE, EMBED_FULL, type Embed } from "../wire/embed";
import { renderFrontend } from "../wire/frontend";
import { findBackend, findCertificate, frontendParam, lbParam, requireStable } from "./lookup";

const schema = z.object({
  name,
  inbound_port: port,
  backend_id: uuid,
  timeout_client: opt(ms),
  certificate_id: opt(uuid),
  certificate_ids: opt(z.array(uuid).max(50)),
  enable_http3: opt(z.boolean()),
  connection_rate_limit: opt(uint32),
  enable_access_logs: opt(z.boolean()),
});

type FrontendInput = z.output<typeof schema>;

/** Create and update answers embed the LB with instances but the backend's LB without (§1.7). */
const EMBED_WRITE: Embed = { lb: true, backendLb: false, certificateLb: true };

function applyInput(ctx: RequestContext, lb: LbRecord, frontend: FrontendRecord, body: FrontendInput): void {
  const backend = findBackend(ctx, body.backend_id);
  if (backend.lbId !== lb.id) {
    throw invalidArgument(
      "backend_id",
      "constraint",
      `backend ${backend.id} belongs to another Load Balancer`,
    );
  }
  const clash = ctx.store.frontends
    .where("lb", lb.id)
    .find((f) => f.id !== frontend.id && f.inboundPort === body.inbound_port);
  if (clash) {
    throw invalidArgument(
      "inbound_port",
      "constraint",
      `port ${body.inbound_port} is already used by frontend ${clash.id} of this Load Balancer`,
    );
  }
  // The deprecated single `certificate_id` joins the list (§4.4).
  const ids = [
    ...new Set([...(body.certificate_ids ?? []), ...(body.certificate_id ? [body.certificate_id] : [])]),
  ];
  for (const id of ids) {
    if (findCertificate(ctx, id).lbId !== lb.id) {
      throw invalidArgument(
        "certificate_ids",
        "constraint",
        `certificate ${id} belongs to another Load Balancer`,
      );
    }
  }
  frontend.name = body.name;
  frontend.inboundPort = body.inbound_port;
  frontend.backendId = backend.id;
  frontend.timeoutClient = body.timeout_client ?? null;
  frontend.certificateIds = ids;
  frontend.enableHttp3 = body.enable_http3 ?? false;
  // 0 means "no limit" and is returned as null (§3.6).
  frontend.connectionRateLimit = body.connection_rate_limit ? body.connection_rate_limit : null;
  frontend.enableAccessLogs = body.enable_access_logs ?? false;
}

export function listFrontends(ctx: RequestContext): HandlerResult {
  const lb = lbParam(ctx);
  const nameFilter = first(ctx.query, "name");
  const orderBy = enumParam(ctx.query, "order_by", ORDER_CREATED_NAME, "created_at_asc");
  const rows = ctx.store.frontends.where("lb", lb.id).filter((f) => nameMatches(nameFilter, f.name));
  const page = paginate(ctx.query, sortRows(rows, orderBy));
  return ok({
    frontends: page.items.map((f) => renderFrontend(ctx.store, f, EMBED_FULL)),
    total_count: page.totalCount,
  });
}

export function createFrontend(ctx: RequestContext): HandlerResult {
  const lb = lbParam(ctx);
  const body = parseWith(schema, bodyObject(ctx.body));
  requireStable(lb);
  const now = timestamp();
  const frontend: FrontendRecord = {
    id: newId(),
    zone: ctx.zone,
    seq: ctx.store.nextSeq(),
    lbId: lb.id,
    name: body.name,
    inboundPort: body.inbound_port,
    backendId: body.backend_id,
    timeoutClient: null,
    certificateIds: [],
    enableHttp3: false,
    connectionRateLimit: null,
    enableAccessLogs: false,
    createdAt: now,
    updatedAt: now,
  };
  applyInput(ctx, lb, frontend, body);
  ctx.store.frontends.put(frontend);
  ctx.lifecycle.configChanged(lb.id);
  return ok(renderFrontend(ctx.store, frontend, EMBED_WRITE));
}

export function getFrontend(ctx: RequestContext): HandlerResult {
  return ok(renderFrontend(ctx.store, frontendParam(ctx), EMBED_BARE));
}

function parentLb(ctx: RequestContext, frontend: FrontendRecord): LbRecord {
  const lb = ctx.store.lbs.get(frontend.lbId);
  if (!lb) throw new Error(`emulator invariant: LB ${frontend.lbId} missing for a frontend`);
  return lb;
}

export function updateFrontend(ctx: RequestContext): HandlerResult {
  const frontend = frontendParam(ctx);
  const body = parseWith(schema, bodyObject(ctx.body));
  const lb = parentLb(ctx, frontend);
  requireStable(lb);
  applyInput(ctx, lb, frontend, body);
  frontend.updatedAt = timestamp();
  ctx.lifecycle.configChanged(lb.id);
  return ok(renderFrontend(ctx.store, frontend, EMBED_WRITE));
}

/** Deleting a frontend takes its ACLs and routes with it. */
export function deleteFrontend(ctx: RequestContext): HandlerResult {
  const frontend = frontendParam(ctx);
  const lb = parentLb(ctx, frontend);
  requireStable(lb);
  for (const acl of ctx.store.acls.where("frontend", frontend.id)) ctx.store.acls.delete(acl.id);
  for (const route of ctx.store.routes.where("frontend", frontend.id)) ctx.store.routes.delete(route.id);
  ctx.store.frontends.delete(frontend.id);
  ctx.lifecycle.configChanged(lb.id);
  return noContent();
}
