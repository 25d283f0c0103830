/** Load balancers and flexible IPs (reference §2 #1–11). */
import { deletion, endpoint, listing } from "../endpoint";
import { createdByName, createdSinceSnapshot, createdWithTag, readBack, sameSet } from "../reconcile";
import {
  CREATION_TAG_PREFIX,
  CreateIpBody,
  type Ip,
  IpSchema,
  ListIpsQuery,
  UpdateIpBody,
} from "../schemas/ip";
import {
  CreateLbBody,
  DeleteLbQuery,
  LbSchema,
  ListLbsQuery,
  MigrateLbBody,
  UpdateLbBody,
} from "../schemas/lb";

const GOING_AWAY: ReadonlySet<string> = new Set(["to_delete", "deleting"]);

export const listLbs = listing("listLbs", "/lbs", ListLbsQuery, "lbs", LbSchema);
export const getLb = endpoint("getLb", "GET /lbs/{lb_id}", { response: LbSchema });
/** A lost answer is resolved by looking the LB up by name, not being deleted (README). */
export const createLb = endpoint("createLb", "POST /lbs", {
  body: CreateLbBody,
  response: LbSchema,
  projectScoped: true,
  subject: ({ name, zone }) => `load balancer "${name}" in zone ${zone}`,
  reconcile: (a) => {
    const { zone, name, projectId, organizationId } = a.req;
    return createdByName(
      a,
      listLbs,
      { zone, name, projectId, organizationId },
      (lb) => !GOING_AWAY.has(lb.status),
    );
  },
});
/** PUT: name, description, tags and SSL level are all replaced. */
export const updateLb = endpoint("updateLb", "PUT /lbs/{lb_id}", { body: UpdateLbBody, response: LbSchema });
export const deleteLb = deletion("deleteLb", "/lbs/{lb_id}", DeleteLbQuery);
/** Changes the offer type. A lost answer is resolved by reading the LB back. */
export const migrateLb = endpoint("migrateLb", "POST /lbs/{lb_id}/migrate", {
  body: MigrateLbBody,
  response: LbSchema,
  reconcile: (a) => {
    const { zone, lbId, type } = a.req;
    const migrated = (lb: { status: string; type: string }) =>
      lb.status === "migrating" || lb.type.toLowerCase() === type.toLowerCase();
    return readBack(a, getLb, { zone, lbId }, migrated);
  },
});

export const listIps = listing("listIps", "/ips", ListIpsQuery, "ips", IpSchema);
export const getIp = endpoint("getIp", "GET /ips/{ip_id}", { response: IpSchema });
/**
 * IPs have neither a name nor a creation time: a lost answer is resolved by the creation tag the
 * provider gives each IP create (`CREATION_TAG_PREFIX`), else by looking for a new, unattached IP
 * of the requested family, tags and reverse, against a list taken before sending (README
 * "Unknown outcomes").
 */
export const createIp = endpoint("createIp", "POST /ips", {
  body: CreateIpBody,
  response: IpSchema,
  projectScoped: true,
  subject: ({ zone }) => `a new unattached IP in zone ${zone}`,
  reconcile: (a) => {
    const { zone, isIpv6 = false, tags = [], reverse, projectId, organizationId } = a.req;
    const query = { zone, ipType: isIpv6 ? "ipv6" : "ipv4", projectId, organizationId } as const;
    const fits = (ip: Ip) =>
      ip.lbId === null &&
      ip.ipAddress.includes(":") === isIpv6 &&
      sameSet(ip.tags, tags ?? []) &&
      (reverse === undefined || reverse === null || ip.reverse === reverse);
    const tag = tags?.find((t) => t.startsWith(CREATION_TAG_PREFIX));
    return tag === undefined
      ? createdSinceSnapshot(a, listIps, query, fits)
      : createdWithTag(a, listIps, query, tag, fits);
  },
});
/** PATCH: only the fields given change. */
export const updateIp = endpoint("updateIp", "PATCH /ips/{ip_id}", {
  body: UpdateIpBody,
  response: IpSchema,
});
export const releaseIp = deletion("releaseIp", "/ips/{ip_id}");
