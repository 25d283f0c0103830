/** Load balancers and flexible IPs (reference §2 #1–11). */
import { endpoint } from "../endpoint";
import { createdAtLowerBound, createdSince, pickCreated, sameSet } from "../reconcile";
import { listOf, noContent } from "../schemas/common";
import { CreateIpBody, IpSchema, ListIpsQuery, UpdateIpBody } from "../schemas/ip";
import {
  CreateLbBody,
  DeleteLbQuery,
  LbSchema,
  ListLbsQuery,
  MigrateLbBody,
  UpdateLbBody,
} from "../schemas/lb";

const GOING_AWAY: ReadonlySet<string> = new Set(["to_delete", "deleting"]);

export const listLbs = endpoint({
  name: "listLbs",
  method: "GET",
  path: "/lbs",
  query: ListLbsQuery,
  response: listOf("lbs", LbSchema),
  items: "lbs",
  safety: "read",
});

export const getLb = endpoint({
  name: "getLb",
  method: "GET",
  path: "/lbs/{lb_id}",
  response: LbSchema,
  safety: "read",
});

/** A lost answer is resolved by looking the LB up by name (README). */
export const createLb = endpoint({
  name: "createLb",
  method: "POST",
  path: "/lbs",
  body: CreateLbBody,
  response: LbSchema,
  safety: "non_idempotent",
  projectScoped: true,
  subject: ({ name, zone }) => `load balancer "${name}" in zone ${zone}`,
  reconcile:
    ({ ctx, req, zone, startedAt, listAll }) =>
    async (inner) => {
      const { name, projectId, organizationId } = req;
      const lbs = await listAll(listLbs, { zone, name, projectId, organizationId }, inner);
      const bound = createdAtLowerBound(ctx, startedAt);
      const mine = lbs.filter(
        (lb) => lb.name === name && !GOING_AWAY.has(lb.status) && createdSince(lb.createdAt, bound),
      );
      return pickCreated("createLb", `load balancer "${name}" in zone ${zone}`, mine);
    },
});

/** PUT: name, description, tags and SSL level are all replaced. */
export const updateLb = endpoint({
  name: "updateLb",
  method: "PUT",
  path: "/lbs/{lb_id}",
  body: UpdateLbBody,
  response: LbSchema,
  safety: "idempotent",
});

export const deleteLb = endpoint({
  name: "deleteLb",
  method: "DELETE",
  path: "/lbs/{lb_id}",
  query: DeleteLbQuery,
  response: noContent,
  safety: "idempotent",
  notFoundMeansDone: true,
});

/** Changes the offer type. A lost answer is resolved by reading the LB back. */
export const migrateLb = endpoint({
  name: "migrateLb",
  method: "POST",
  path: "/lbs/{lb_id}/migrate",
  body: MigrateLbBody,
  response: LbSchema,
  safety: "non_idempotent",
  reconcile:
    ({ req, zone, send }) =>
    async (inner) => {
      const lb = await send(getLb, { zone, lbId: req.lbId }, inner);
      const done = lb.status === "migrating" || lb.type.toLowerCase() === req.type.toLowerCase();
      return done ? lb : null;
    },
});

export const listIps = endpoint({
  name: "listIps",
  method: "GET",
  path: "/ips",
  query: ListIpsQuery,
  response: listOf("ips", IpSchema),
  items: "ips",
  safety: "read",
});

export const getIp = endpoint({
  name: "getIp",
  method: "GET",
  path: "/ips/{ip_id}",
  response: IpSchema,
  safety: "read",
});

/**
 * Books a flexible IP. IPs have neither a name nor a creation time, so the project's IPs are
 * listed before sending; a lost answer is resolved by looking for a new, unattached IP of the
 * requested family and tags (README "Unknown outcomes").
 */
export const createIp = endpoint({
  name: "createIp",
  method: "POST",
  path: "/ips",
  body: CreateIpBody,
  response: IpSchema,
  safety: "non_idempotent",
  projectScoped: true,
  subject: ({ zone }) => `a new unattached IP in zone ${zone}`,
  reconcile: async ({ req, zone, call, listAll }) => {
    const { projectId, organizationId } = req;
    const ipType = req.isIpv6 ? "ipv6" : "ipv4";
    const listMine = (inner: typeof call) =>
      listAll(listIps, { zone, ipType, projectId, organizationId }, inner);
    const before = new Set((await listMine(call)).map((ip) => ip.id));
    return async (inner) => {
      const fresh = (await listMine(inner)).filter(
        (ip) =>
          !before.has(ip.id) &&
          ip.lbId === null &&
          ip.ipAddress.includes(":") === (req.isIpv6 ?? false) &&
          sameSet(ip.tags, req.tags ?? []) &&
          (req.reverse === undefined || req.reverse === null || ip.reverse === req.reverse),
      );
      return pickCreated("createIp", `a new unattached IP in zone ${zone}`, fresh);
    };
  },
});

/** PATCH: only the fields given change. */
export const updateIp = endpoint({
  name: "updateIp",
  method: "PATCH",
  path: "/ips/{ip_id}",
  body: UpdateIpBody,
  response: IpSchema,
  safety: "idempotent",
});

export const releaseIp = endpoint({
  name: "releaseIp",
  method: "DELETE",
  path: "/ips/{ip_id}",
  response: noContent,
  safety: "idempotent",
  notFoundMeansDone: true,
});
