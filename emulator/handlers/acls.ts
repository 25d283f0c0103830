/** ACLs (§2 #33–38, §4.6): per frontend, including the whole-collection replacement `PUT …/acls`. */
import { z } from "zod";
import { timestamp } from "../clock";
import { type HandlerResult, noContent, ok, type RequestContext } from "../context";
import { invalidArgument } from "../errors";
import { newId } from "../ids";
import { enumParam, first, nameMatches, ORDER_CREATED_NAME, paginate, sortRows } from "../query";
import type { AclRecord, FrontendRecord, LbRecord } from "../records";
import { bodyObject, enumOf, int32, ipOrCidr, name, opt, parseWith } from "../validation";
import { renderAcl } from "../wire/acl";
import { EMBED_BARE, type Embed } from "../wire/embed";
import { aclParam, frontendParam, requireStable } from "./lookup";

const HTTP_FILTERS = [
  "acl_http_filter_none",
  "path_begin",
  "path_end",
  "regex",
  "http_header_match",
] as const;
const REDIRECT_CODES: readonly number[] = [301, 302, 303, 307, 308];

const aclSpec = z.object({
  name,
  action: z.object({
    type: opt(enumOf(["allow", "deny", "redirect"])),
    redirect: opt(
      z.object({
        type: opt(enumOf(["location", "scheme"])),
        target: opt(z.string().max(1024)),
        code: opt(z.number().int()),
      }),
    ),
  }),
  match: opt(
    z.object({
      ip_subnet: opt(z.array(ipOrCidr).max(100)),
      ips_edge_services: opt(z.boolean()),
      http_filter: opt(enumOf(HTTP_FILTERS)),
      http_filter_value: opt(z.array(z.string()).max(100)),
      http_filter_option: opt(z.string().max(255)),
      invert: opt(z.boolean()),
    }),
  ),
  index: int32.min(0),
  description: opt(z.string().max(1024)),
});

const setSchema = z.object({ acls: z.array(aclSpec).max(100) });

type AclSpec = z.output<typeof aclSpec>;

/** Update answers embed the frontend's LB with instances, the backend's LB without (§1.7). */
const EMBED_UPDATE: Embed = { lb: true, backendLb: false, certificateLb: true };

function lbOfFrontend(ctx: RequestContext, frontend: FrontendRecord): LbRecord {
  const lb = ctx.store.lbs.get(frontend.lbId);
  if (!lb) throw new Error(`emulator invariant: LB ${frontend.lbId} missing`);
  return lb;
}

/** Validates one ACL spec against its frontend; `at` prefixes argument names (`acls[2].`). */
function toAcl(
  ctx: RequestContext,
  frontend: FrontendRecord,
  spec: AclSpec,
  at: string,
): Omit<AclRecord, "id" | "seq"> {
  const type = spec.action.type ?? "allow";
  let redirect: AclRecord["action"]["redirect"] = null;
  if (type === "redirect") {
    const raw = spec.action.redirect;
    if (!raw?.target)
      throw invalidArgument(`${at}action.redirect.target`, "required", "a redirect needs a target");
    const code = raw.code ?? 302;
    if (!REDIRECT_CODES.includes(code)) {
      throw invalidArgument(
        `${at}action.redirect.code`,
        "constraint",
        "must be one of 301, 302, 303, 307, 308",
      );
    }
    redirect = { type: raw.type ?? "location", target: raw.target, code };
  }
  const match = spec.match ?? {};
  const httpFilter = match.http_filter ?? "acl_http_filter_none";
  const httpFilterValue = match.http_filter_value ?? [];
  if (httpFilter !== "acl_http_filter_none") {
    const backend = ctx.store.backends.get(frontend.backendId);
    if (backend?.forwardProtocol !== "http") {
      throw invalidArgument(
        `${at}match.http_filter`,
        "constraint",
        "HTTP filters need a frontend with an HTTP backend",
      );
    }
    if (httpFilterValue.length === 0) {
      throw invalidArgument(`${at}match.http_filter_value`, "required", "required when http_filter is set");
    }
  }
  if (httpFilter === "http_header_match" && !match.http_filter_option) {
    throw invalidArgument(
      `${at}match.http_filter_option`,
      "required",
      "the header name to match is required",
    );
  }
  const ipSubnet = match.ip_subnet ?? [];
  const now = timestamp();
  return {
    zone: frontend.zone,
    lbId: frontend.lbId,
    frontendId: frontend.id,
    name: spec.name,
    description: spec.description ?? "",
    index: spec.index,
    action: { type, redirect },
    match: {
      // An empty subnet list means "every client" and is stored as 0.0.0.0/0 (§4.6).
      ipSubnet: ipSubnet.length > 0 ? ipSubnet : ["0.0.0.0/0"],
      ipsEdgeServices: match.ips_edge_services ?? false,
      httpFilter,
      httpFilterValue,
      // Header names are stored lower-cased (§3.8).
      httpFilterOption: match.http_filter_option ? match.http_filter_option.toLowerCase() : null,
      invert: match.invert ?? false,
    },
    createdAt: now,
    updatedAt: now,
  };
}

export function listAcls(ctx: RequestContext): HandlerResult {
  const frontend = frontendParam(ctx);
  const nameFilter = first(ctx.query, "name");
  const orderBy = enumParam(ctx.query, "order_by", ORDER_CREATED_NAME, "created_at_asc");
  const rows = ctx.store.acls.where("frontend", frontend.id).filter((a) => nameMatches(nameFilter, a.name));
  const page = paginate(ctx.query, sortRows(rows, orderBy));
  return ok({
    acls: page.items.map((a) => renderAcl(ctx.store, a, EMBED_BARE)),
    total_count: page.totalCount,
  });
}

export function createAcl(ctx: RequestContext): HandlerResult {
  const frontend = frontendParam(ctx);
  const body = parseWith(aclSpec, bodyObject(ctx.body));
  const lb = lbOfFrontend(ctx, frontend);
  const acl: AclRecord = { id: newId(), seq: ctx.store.nextSeq(), ...toAcl(ctx, frontend, body, "") };
  requireStable(lb);
  ctx.store.acls.put(acl);
  ctx.lifecycle.configChanged(lb.id);
  return ok(renderAcl(ctx.store, acl, EMBED_BARE));
}

/** Replaces every ACL of the frontend: the old ones are deleted, the new ones get new ids. */
export function setAcls(ctx: RequestContext): HandlerResult {
  const frontend = frontendParam(ctx);
  const body = parseWith(setSchema, bodyObject(ctx.body));
  const lb = lbOfFrontend(ctx, frontend);
  const specs = body.acls.map((spec, i) => toAcl(ctx, frontend, spec, `acls[${i}].`));
  requireStable(lb);
  for (const old of ctx.store.acls.where("frontend", frontend.id)) ctx.store.acls.delete(old.id);
  const created = specs.map((spec) => {
    const acl: AclRecord = { id: newId(), seq: ctx.store.nextSeq(), ...spec };
    ctx.store.acls.put(acl);
    return acl;
  });
  ctx.lifecycle.configChanged(lb.id);
  return ok({ acls: created.map((a) => renderAcl(ctx.store, a, EMBED_BARE)), total_count: created.length });
}

export function getAcl(ctx: RequestContext): HandlerResult {
  return ok(renderAcl(ctx.store, aclParam(ctx), EMBED_BARE));
}

export function updateAcl(ctx: RequestContext): HandlerResult {
  const acl = aclParam(ctx);
  const body = parseWith(aclSpec, bodyObject(ctx.body));
  const frontend = ctx.store.frontends.get(acl.frontendId);
  if (!frontend) throw new Error(`emulator invariant: frontend ${acl.frontendId} missing`);
  const lb = lbOfFrontend(ctx, frontend);
  const next = toAcl(ctx, frontend, body, "");
  requireStable(lb);
  Object.assign(acl, { ...next, createdAt: acl.createdAt });
  ctx.lifecycle.configChanged(lb.id);
  return ok(renderAcl(ctx.store, acl, EMBED_UPDATE));
}

export function deleteAcl(ctx: RequestContext): HandlerResult {
  const acl = aclParam(ctx);
  const lb = ctx.store.lbs.get(acl.lbId);
  if (lb) requireStable(lb);
  ctx.store.acls.delete(acl.id);
  ctx.lifecycle.configChanged(acl.lbId);
  return noContent();
}
