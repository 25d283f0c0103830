/**
 * Finding objects for a request: zone-scoped (an id only resolves in its own zone, §1.1), with
 * the bare 404 bodies of §7.1, and the guard against mutating an LB in a transient state (§7.3).
 */
import type { RequestContext } from "../context";
import { notFound, transientState } from "../errors";
import { TRANSIENT_LB_STATUSES } from "../lifecycle";
import type {
  AclRecord,
  BackendRecord,
  CertificateRecord,
  FrontendRecord,
  IpRecord,
  LbRecord,
  RouteRecord,
  SubscriberRecord,
} from "../records";

function param(ctx: RequestContext, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`emulator bug: route has no :${name}`);
  return value;
}

/** The LB named by `id`; `read` counts toward `reads` timings (and may complete a deletion). */
export function findLb(ctx: RequestContext, id: string, read = false): LbRecord {
  const lb = ctx.store.lbs.get(id);
  if (!lb || lb.zone !== ctx.zone) throw notFound("lbs");
  if (read && !ctx.lifecycle.readLb(lb)) throw notFound("lbs");
  return lb;
}

export function lbParam(ctx: RequestContext, read = false): LbRecord {
  return findLb(ctx, param(ctx, "lb_id"), read);
}

/** Refuses changes while the LB is being created, migrated or deleted (409 `transient_state`). */
export function requireStable(lb: LbRecord): void {
  if (TRANSIENT_LB_STATUSES.has(lb.status)) throw transientState("lb", lb.id, lb.status);
}

export function findIp(ctx: RequestContext, id: string): IpRecord {
  const ip = ctx.store.ips.get(id);
  if (!ip || ip.zone !== ctx.zone) throw notFound("ips");
  return ip;
}

export function ipParam(ctx: RequestContext): IpRecord {
  return findIp(ctx, param(ctx, "ip_id"));
}

export function findBackend(ctx: RequestContext, id: string): BackendRecord {
  const backend = ctx.store.backends.get(id);
  if (!backend || backend.zone !== ctx.zone) throw notFound("backend");
  return backend;
}

export function backendParam(ctx: RequestContext): BackendRecord {
  return findBackend(ctx, param(ctx, "backend_id"));
}

export function findFrontend(ctx: RequestContext, id: string): FrontendRecord {
  const frontend = ctx.store.frontends.get(id);
  if (!frontend || frontend.zone !== ctx.zone) throw notFound("frontend");
  return frontend;
}

export function frontendParam(ctx: RequestContext): FrontendRecord {
  return findFrontend(ctx, param(ctx, "frontend_id"));
}

export function routeParam(ctx: RequestContext): RouteRecord {
  const route = ctx.store.routes.get(param(ctx, "route_id"));
  if (!route || route.zone !== ctx.zone) throw notFound("route");
  return route;
}

export function aclParam(ctx: RequestContext): AclRecord {
  const acl = ctx.store.acls.get(param(ctx, "acl_id"));
  if (!acl || acl.zone !== ctx.zone) throw notFound("acl");
  return acl;
}

export function findCertificate(ctx: RequestContext, id: string): CertificateRecord {
  const cert = ctx.store.certificates.get(id);
  if (!cert || cert.zone !== ctx.zone) throw notFound("certificate");
  return cert;
}

export function certificateParam(ctx: RequestContext): CertificateRecord {
  return findCertificate(ctx, param(ctx, "certificate_id"));
}

export function findSubscriber(ctx: RequestContext, id: string): SubscriberRecord {
  const subscriber = ctx.store.subscribers.get(id);
  if (!subscriber || subscriber.zone !== ctx.zone) throw notFound("subscriber");
  return subscriber;
}

export function subscriberParam(ctx: RequestContext): SubscriberRecord {
  return findSubscriber(ctx, param(ctx, "subscriber_id"));
}

export function pathParam(ctx: RequestContext, name: string): string {
  return param(ctx, name);
}
