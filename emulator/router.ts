/** The URL table: every zoned endpoint of §2, mapped to its handler. */
import type { Handler } from "./context";
import { createAcl, deleteAcl, getAcl, listAcls, setAcls, updateAcl } from "./handlers/acls";
import {
  addBackendServers,
  createBackend,
  deleteBackend,
  getBackend,
  getLbStats,
  listBackendStats,
  listBackends,
  removeBackendServers,
  setBackendServers,
  updateBackend,
  updateHealthCheck,
} from "./handlers/backends";
import {
  createCertificate,
  deleteCertificate,
  getCertificate,
  listCertificates,
  updateCertificate,
} from "./handlers/certificates";
import {
  createFrontend,
  deleteFrontend,
  getFrontend,
  listFrontends,
  updateFrontend,
} from "./handlers/frontends";
import { bookIpamIp, getIpamIp, listIpamIps, releaseIpamIp } from "./handlers/ipam";
import { createIp, getIp, listIps, releaseIp, updateIp } from "./handlers/ips";
import { listLbTypes } from "./handlers/lb-types";
import { createLb, deleteLb, getLb, listLbs, migrateLb, updateLb } from "./handlers/lbs";
import {
  attachPrivateNetwork,
  attachPrivateNetworkLegacy,
  detachPrivateNetwork,
  detachPrivateNetworkLegacy,
  listPrivateNetworks,
} from "./handlers/private-networks";
import { createRoute, deleteRoute, getRoute, listRoutes, updateRoute } from "./handlers/routes";
import {
  createSubscriber,
  deleteSubscriber,
  getSubscriber,
  listSubscribers,
  subscribeToLb,
  unsubscribeFromLb,
  updateSubscriber,
} from "./handlers/subscribers";
import {
  createVpcPrivateNetwork,
  deleteVpcPrivateNetwork,
  getVpcPrivateNetwork,
  listVpcPrivateNetworks,
} from "./handlers/vpc-private-networks";
import { createVpc, deleteVpc, getVpc, listVpcs } from "./handlers/vpcs";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RouteDef {
  method: Method;
  segments: readonly string[];
  handler: Handler;
}

const PREFIX = "/lb/v1/zones/:zone";

const TABLE: ReadonlyArray<readonly [Method, string, Handler]> = [
  ["GET", "/lbs", listLbs],
  ["POST", "/lbs", createLb],
  ["GET", "/lbs/:lb_id", getLb],
  ["PUT", "/lbs/:lb_id", updateLb],
  ["DELETE", "/lbs/:lb_id", deleteLb],
  ["POST", "/lbs/:lb_id/migrate", migrateLb],
  ["GET", "/ips", listIps],
  ["POST", "/ips", createIp],
  ["GET", "/ips/:ip_id", getIp],
  ["PATCH", "/ips/:ip_id", updateIp],
  ["DELETE", "/ips/:ip_id", releaseIp],
  ["GET", "/lbs/:lb_id/backends", listBackends],
  ["POST", "/lbs/:lb_id/backends", createBackend],
  ["GET", "/backends/:backend_id", getBackend],
  ["PUT", "/backends/:backend_id", updateBackend],
  ["DELETE", "/backends/:backend_id", deleteBackend],
  ["POST", "/backends/:backend_id/servers", addBackendServers],
  ["PUT", "/backends/:backend_id/servers", setBackendServers],
  ["DELETE", "/backends/:backend_id/servers", removeBackendServers],
  ["PUT", "/backends/:backend_id/healthcheck", updateHealthCheck],
  ["GET", "/lbs/:lb_id/frontends", listFrontends],
  ["POST", "/lbs/:lb_id/frontends", createFrontend],
  ["GET", "/frontends/:frontend_id", getFrontend],
  ["PUT", "/frontends/:frontend_id", updateFrontend],
  ["DELETE", "/frontends/:frontend_id", deleteFrontend],
  ["GET", "/routes", listRoutes],
  ["POST", "/routes", createRoute],
  ["GET", "/routes/:route_id", getRoute],
  ["PUT", "/routes/:route_id", updateRoute],
  ["DELETE", "/routes/:route_id", deleteRoute],
  ["GET", "/lbs/:lb_id/stats", getLbStats],
  ["GET", "/lbs/:lb_id/backend-stats", listBackendStats],
  ["GET", "/frontends/:frontend_id/acls", listAcls],
  ["POST", "/frontends/:frontend_id/acls", createAcl],
  ["PUT", "/frontends/:frontend_id/acls", setAcls],
  ["GET", "/acls/:acl_id", getAcl],
  ["PUT", "/acls/:acl_id", updateAcl],
  ["DELETE", "/acls/:acl_id", deleteAcl],
  ["POST", "/lbs/:lb_id/certificates", createCertificate],
  ["GET", "/lbs/:lb_id/certificates", listCertificates],
  ["GET", "/certificates/:certificate_id", getCertificate],
  ["PUT", "/certificates/:certificate_id", updateCertificate],
  ["DELETE", "/certificates/:certificate_id", deleteCertificate],
  ["GET", "/lb-types", listLbTypes],
  ["POST", "/subscribers", createSubscriber],
  ["GET", "/subscribers", listSubscribers],
  ["GET", "/subscribers/:subscriber_id", getSubscriber],
  ["PUT", "/subscribers/:subscriber_id", updateSubscriber],
  ["DELETE", "/lb/subscription/:subscriber_id", deleteSubscriber],
  ["POST", "/lb/:lb_id/subscribe", subscribeToLb],
  ["DELETE", "/lb/:lb_id/unsubscribe", unsubscribeFromLb],
  ["GET", "/lbs/:lb_id/private-networks", listPrivateNetworks],
  ["POST", "/lbs/:lb_id/attach-private-network", attachPrivateNetwork],
  ["POST", "/lbs/:lb_id/detach-private-network", detachPrivateNetwork],
  ["POST", "/lbs/:lb_id/private-networks/:private_network_id/attach", attachPrivateNetworkLegacy],
  ["POST", "/lbs/:lb_id/private-networks/:private_network_id/detach", detachPrivateNetworkLegacy],
];

/** The regional VPC v2 and IPAM endpoints LB attachments touch (`ctx.params.region`, no zone). */
const REGIONAL: ReadonlyArray<readonly [Method, string, Handler]> = [
  ["GET", "/vpc/v2/regions/:region/vpcs", listVpcs],
  ["POST", "/vpc/v2/regions/:region/vpcs", createVpc],
  ["GET", "/vpc/v2/regions/:region/vpcs/:vpc_id", getVpc],
  ["DELETE", "/vpc/v2/regions/:region/vpcs/:vpc_id", deleteVpc],
  ["GET", "/vpc/v2/regions/:region/private-networks", listVpcPrivateNetworks],
  ["POST", "/vpc/v2/regions/:region/private-networks", createVpcPrivateNetwork],
  ["GET", "/vpc/v2/regions/:region/private-networks/:private_network_id", getVpcPrivateNetwork],
  ["DELETE", "/vpc/v2/regions/:region/private-networks/:private_network_id", deleteVpcPrivateNetwork],
  ["GET", "/ipam/v1/regions/:region/ips", listIpamIps],
  ["POST", "/ipam/v1/regions/:region/ips", bookIpamIp],
  ["GET", "/ipam/v1/regions/:region/ips/:ip_id", getIpamIp],
  ["DELETE", "/ipam/v1/regions/:region/ips/:ip_id", releaseIpamIp],
];

function split(path: string): string[] {
  return path.split("/").filter((s) => s !== "");
}

const ROUTES: readonly RouteDef[] = [
  ...TABLE.map(([method, path, handler]) => ({ method, segments: split(PREFIX + path), handler })),
  ...REGIONAL.map(([method, path, handler]) => ({ method, segments: split(path), handler })),
];

export type RouteMatch =
  | { kind: "found"; handler: Handler; params: Record<string, string> }
  | { kind: "method_not_allowed" }
  | { kind: "not_found" };

function matchSegments(
  pattern: readonly string[],
  actual: readonly string[],
): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const want = pattern[i] ?? "";
    const got = actual[i] ?? "";
    if (want.startsWith(":")) params[want.slice(1)] = got;
    else if (want !== got) return undefined;
  }
  return params;
}

export function matchRoute(method: string, pathname: string): RouteMatch {
  let segments: string[];
  try {
    segments = split(pathname).map(decodeURIComponent);
  } catch {
    return { kind: "not_found" };
  }
  let pathExists = false;
  for (const route of ROUTES) {
    const params = matchSegments(route.segments, segments);
    if (!params) continue;
    if (route.method === method) return { kind: "found", handler: route.handler, params };
    pathExists = true;
  }
  return pathExists ? { kind: "method_not_allowed" } : { kind: "not_found" };
}

/** Write endpoints: their success is persisted. */
export function isMutation(method: string): boolean {
  return method !== "GET" && method !== "HEAD";
}
