/** Frontends, routes and ACLs (reference §2 #21–38). */
import { endpoint } from "../endpoint";
import { createdAtLowerBound, createdSince, pickCreated } from "../reconcile";
import { AclBody, AclSchema, ListAclsQuery, SetAclsBody, SetAclsResponseSchema } from "../schemas/acl";
import { listOf, noContent } from "../schemas/common";
import { FrontendSchema, FrontendSettingsBody, ListFrontendsQuery } from "../schemas/frontend";
import {
  CreateRouteBody,
  ListRoutesQuery,
  RouteSchema,
  sameRouteMatch,
  UpdateRouteBody,
} from "../schemas/route";

export const listFrontends = endpoint({
  name: "listFrontends",
  method: "GET",
  path: "/lbs/{lb_id}/frontends",
  query: ListFrontendsQuery,
  response: listOf("frontends", FrontendSchema),
  items: "frontends",
  safety: "read",
});

export const getFrontend = endpoint({
  name: "getFrontend",
  method: "GET",
  path: "/frontends/{frontend_id}",
  response: FrontendSchema,
  safety: "read",
});

/** A lost answer is resolved by name within the LB (README). */
export const createFrontend = endpoint({
  name: "createFrontend",
  method: "POST",
  path: "/lbs/{lb_id}/frontends",
  body: FrontendSettingsBody,
  response: FrontendSchema,
  safety: "non_idempotent",
  subject: ({ name, lbId, zone }) => `frontend "${name}" on LB ${lbId} in zone ${zone}`,
  reconcile:
    ({ ctx, req: { name, lbId }, zone, startedAt, listAll }) =>
    async (inner) => {
      const bound = createdAtLowerBound(ctx, startedAt);
      const mine = (await listAll(listFrontends, { zone, lbId, name }, inner)).filter(
        (f) => f.name === name && createdSince(f.createdAt, bound),
      );
      return pickCreated("createFrontend", `frontend "${name}" on LB ${lbId} in zone ${zone}`, mine);
    },
});

/** PUT: every setting is replaced. */
export const updateFrontend = endpoint({
  name: "updateFrontend",
  method: "PUT",
  path: "/frontends/{frontend_id}",
  body: FrontendSettingsBody,
  response: FrontendSchema,
  safety: "idempotent",
});

export const deleteFrontend = endpoint({
  name: "deleteFrontend",
  method: "DELETE",
  path: "/frontends/{frontend_id}",
  response: noContent,
  safety: "idempotent",
  notFoundMeansDone: true,
});

export const listRoutes = endpoint({
  name: "listRoutes",
  method: "GET",
  path: "/routes",
  query: ListRoutesQuery,
  response: listOf("routes", RouteSchema),
  items: "routes",
  safety: "read",
});

export const getRoute = endpoint({
  name: "getRoute",
  method: "GET",
  path: "/routes/{route_id}",
  response: RouteSchema,
  safety: "read",
});

/**
 * Routes have no name: a lost answer is resolved by looking for a route of the same frontend
 * with the same backend and match, created since the request began.
 */
export const createRoute = endpoint({
  name: "createRoute",
  method: "POST",
  path: "/routes",
  body: CreateRouteBody,
  response: RouteSchema,
  safety: "non_idempotent",
  subject: ({ frontendId, zone }) => `a route with this match on frontend ${frontendId} in zone ${zone}`,
  reconcile:
    ({ ctx, req: { frontendId, backendId, match }, zone, startedAt, listAll }) =>
    async (inner) => {
      const bound = createdAtLowerBound(ctx, startedAt);
      const mine = (await listAll(listRoutes, { zone, frontendId }, inner)).filter(
        (r) =>
          r.frontendId === frontendId &&
          r.backendId === backendId &&
          sameRouteMatch(r.match, match) &&
          createdSince(r.createdAt, bound),
      );
      return pickCreated(
        "createRoute",
        `a route with this match on frontend ${frontendId} in zone ${zone}`,
        mine,
      );
    },
});

/** PUT: backend and match are replaced (the frontend cannot change). */
export const updateRoute = endpoint({
  name: "updateRoute",
  method: "PUT",
  path: "/routes/{route_id}",
  body: UpdateRouteBody,
  response: RouteSchema,
  safety: "idempotent",
});

export const deleteRoute = endpoint({
  name: "deleteRoute",
  method: "DELETE",
  path: "/routes/{route_id}",
  response: noContent,
  safety: "idempotent",
  notFoundMeansDone: true,
});

export const listAcls = endpoint({
  name: "listAcls",
  method: "GET",
  path: "/frontends/{frontend_id}/acls",
  query: ListAclsQuery,
  response: listOf("acls", AclSchema),
  items: "acls",
  safety: "read",
});

export const getAcl = endpoint({
  name: "getAcl",
  method: "GET",
  path: "/acls/{acl_id}",
  response: AclSchema,
  safety: "read",
});

/** A lost answer is resolved by name and index within the frontend (README). */
export const createAcl = endpoint({
  name: "createAcl",
  method: "POST",
  path: "/frontends/{frontend_id}/acls",
  body: AclBody,
  response: AclSchema,
  safety: "non_idempotent",
  subject: ({ name, frontendId, zone }) => `ACL "${name}" on frontend ${frontendId} in zone ${zone}`,
  reconcile:
    ({ ctx, req: { name, index, frontendId }, zone, startedAt, listAll }) =>
    async (inner) => {
      const bound = createdAtLowerBound(ctx, startedAt);
      const mine = (await listAll(listAcls, { zone, frontendId, name }, inner)).filter(
        (a) => a.name === name && a.index === index && createdSince(a.createdAt, bound),
      );
      return pickCreated("createAcl", `ACL "${name}" on frontend ${frontendId} in zone ${zone}`, mine);
    },
});

/** Replaces every ACL of a frontend. */
export const setAcls = endpoint({
  name: "setAcls",
  method: "PUT",
  path: "/frontends/{frontend_id}/acls",
  body: SetAclsBody,
  response: SetAclsResponseSchema,
  safety: "idempotent",
});

/** PUT: name, action, match, index and description are replaced. */
export const updateAcl = endpoint({
  name: "updateAcl",
  method: "PUT",
  path: "/acls/{acl_id}",
  body: AclBody,
  response: AclSchema,
  safety: "idempotent",
});

export const deleteAcl = endpoint({
  name: "deleteAcl",
  method: "DELETE",
  path: "/acls/{acl_id}",
  response: noContent,
  safety: "idempotent",
  notFoundMeansDone: true,
});
