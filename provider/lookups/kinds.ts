/**
 * The lookup table: one row per kind of object, in the order documentation lists the functions.
 * A row says how the client reads the kind (GET by id, list with the filters passed on), where it
 * lives, and which lookups it offers (`one`: get<Kind>, `all`: get<Kind>s); the functions'
 * names, arguments, results, descriptions and runs are derived (find-one.ts, find-all.ts).
 */
import { aclDefinition } from "../resources/acl/definition";
import { aclProps } from "../resources/acl/operations";
import { backendDefinition } from "../resources/backend/definition";
import { backendProps } from "../resources/backend/operations";
import { certificateDefinition } from "../resources/certificate/definition";
import { certificateProps } from "../resources/certificate/operations";
import { frontendDefinition } from "../resources/frontend/definition";
import { frontendProps } from "../resources/frontend/operations";
import { ipDefinition } from "../resources/ip/definition";
import { ipProps } from "../resources/ip/operations";
import { loadBalancerDefinition } from "../resources/load-balancer/definition";
import { lbProps } from "../resources/load-balancer/operations";
import { routeDefinition } from "../resources/route/definition";
import { routeProps } from "../resources/route/operations";
import { cidrFilter, ipFamilyFilter, nameFilter, tagsFilter } from "./filters";
import { findAll } from "./find-all";
import { findOne } from "./find-one";
import type { Found, ListRequest, LookupKind, Parent, SearchKey } from "./kind";
import type { LookupFunction } from "./spec";

/** The row's lookups: the singular one, then the plural one. */
function lookups<T extends Found>(kind: LookupKind<T>): LookupFunction[] {
  return [...(kind.one ? [findOne(kind)] : []), ...(kind.all ? [findAll(kind)] : [])];
}

const byName: SearchKey<{ readonly name: string }> = {
  arg: "name",
  phrase: "exact name",
  valueOf: (item) => item.name,
};

/** A child's list request: the name filter (or the exact name searched); the row adds the parent. */
function named(r: ListRequest): { zone: string; name: string | undefined; pageSize: number | undefined } {
  return { zone: r.zone, name: r.str("name"), pageSize: r.pageSize };
}

/** Backends, frontends and certificates hang off a load balancer. */
const underLb: Parent<{ readonly lb: { readonly id: string; readonly projectId: string } }> = {
  arg: "lbId",
  noun: "load balancer",
  idOf: (item) => item.lb.id,
  projectOf: { item: (item) => item.lb.projectId },
};

export const LOOKUP_KINDS: readonly (readonly LookupFunction[])[] = [
  lookups({
    definition: loadBalancerDefinition,
    props: lbProps,
    noun: "load balancer",
    idArg: "lbId",
    get: (api, zone, lbId) => api.getLb({ zone, lbId }),
    list: (api, r) =>
      api.listAllLbs({
        zone: r.zone,
        name: r.str("name"),
        projectId: r.projectId,
        tags: r.strs("tags"),
        pageSize: r.pageSize,
      }),
    place: { project: (lb) => lb.projectId },
    one: { by: byName, endNote: ", and runs in previews too (it needs credentials then)" },
    all: { filters: [nameFilter, tagsFilter] },
  }),
  lookups({
    definition: ipDefinition,
    props: ipProps,
    noun: "flexible IP",
    short: "IP",
    idArg: "ipId",
    get: (api, zone, ipId) => api.getIp({ zone, ipId }),
    list: (api, r) => {
      const ipType = r.str("ipType");
      return api.listAllIps({
        zone: r.zone,
        ipAddress: r.str("ipAddress"),
        projectId: r.projectId,
        ipType: ipType === "ipv4" || ipType === "ipv6" ? ipType : undefined,
        tags: r.strs("tags"),
        pageSize: r.pageSize,
      });
    },
    place: { project: (ip) => ip.projectId },
    one: {
      by: {
        arg: "ipAddress",
        phrase: "address",
        spec: {
          type: "string",
          format: "ip",
          description: "The IP's address (IPv4 or IPv6), e.g. `51.158.70.159`.",
        },
        valueOf: (ip) => ip.ipAddress,
      },
    },
    all: {
      filters: [ipFamilyFilter, cidrFilter, tagsFilter],
      order: "by address",
    },
  }),
  lookups({
    definition: backendDefinition,
    props: backendProps,
    noun: "backend",
    idArg: "backendId",
    get: (api, zone, backendId) => api.getBackend({ zone, backendId }),
    list: (api, r) => api.listAllBackends({ ...named(r), lbId: r.parentId ?? "" }),
    place: { parent: underLb },
    one: { by: byName },
    all: { filters: [nameFilter] },
  }),
  lookups({
    definition: frontendDefinition,
    props: frontendProps,
    noun: "frontend",
    idArg: "frontendId",
    get: (api, zone, frontendId) => api.getFrontend({ zone, frontendId }),
    list: (api, r) => api.listAllFrontends({ ...named(r), lbId: r.parentId ?? "" }),
    place: { parent: underLb },
    one: { by: byName },
    all: { filters: [nameFilter] },
  }),
  lookups({
    definition: routeDefinition,
    props: routeProps,
    noun: "route",
    idArg: "routeId",
    get: (api, zone, routeId) => api.getRoute({ zone, routeId }),
    list: (api, r) => api.listAllRoutes({ zone: r.zone, frontendId: r.parentId, pageSize: r.pageSize }),
    place: {
      parent: {
        arg: "frontendId",
        noun: "frontend",
        idOf: (route) => route.frontendId,
        projectOf: {
          parent: async (api, zone, frontendId) => (await api.getFrontend({ zone, frontendId })).lb.projectId,
        },
      },
    },
    // By id only: routes have no name.
    one: {},
    all: {
      filters: [],
      optionalParent:
        "Only the routes of this frontend (where the routed traffic comes in). Default: every route of the zone.",
    },
  }),
  lookups({
    definition: aclDefinition,
    props: aclProps,
    noun: "ACL",
    idArg: "aclId",
    get: (api, zone, aclId) => api.getAcl({ zone, aclId }),
    list: (api, r) => api.listAllAcls({ ...named(r), frontendId: r.parentId ?? "" }),
    place: {
      parent: {
        arg: "frontendId",
        noun: "frontend",
        idOf: (acl) => acl.frontend.id,
        projectOf: { item: (acl) => acl.frontend.lb.projectId },
      },
    },
    all: { filters: [nameFilter] },
  }),
  lookups({
    definition: certificateDefinition,
    props: certificateProps,
    noun: "certificate",
    idArg: "certificateId",
    get: (api, zone, certificateId) => api.getCertificate({ zone, certificateId }),
    list: (api, r) => api.listAllCertificates({ ...named(r), lbId: r.parentId ?? "" }),
    place: { parent: underLb },
    one: { by: byName, resultNote: " (never an uploaded private key)" },
  }),
];
