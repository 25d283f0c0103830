/** Frontends, routes and ACLs (reference §2 #21–38). */
import { endpoint } from "../endpoint";
import { createdAtLowerBound, createdByName, createdSince, pickCreated } from "../reconcile";
import { AclBody, AclSchema, SetAclsBody, SetAclsResponseSchema } from "../schemas/acl";
import { listOf, NameQuery, noContent } from "../schemas/common";
import { FrontendSchema, FrontendSettingsBody } from "../schemas/frontend";
import {
  CreateRouteBody,
  ListRoutesQuery,
  RouteSchema,
  sameRouteMatch,
  UpdateRouteBody,
} from "../schemas/route";

export const listFrontends = endpoint("listFrontends", "GET /lbs/{lb_id}/frontends", {
  query: NameQuery,
  response: listOf("frontends", FrontendSchema),
  items: "frontends",
});
export const getFrontend = endpoint("getFrontend", "GET /frontends/{frontend_id}", {
  response: FrontendSchema,
});
/** A lost answer is resolved by name within the LB (README). */
export const createFrontend = endpoint("createFrontend", "POST /lbs/{lb_id}/frontends", {
  body: FrontendSettingsBody,
  response: FrontendSchema,
  subject: ({ name, lbId, zone }) => `frontend "${name}" on LB ${lbId} in zone ${zone}`,
  reconcile: (a) => createdByName(a, listFrontends, { zone: a.zone, lbId: a.req.lbId, name: a.req.name }),
});
/** PUT: every setting is replaced. */
export const updateFrontend = endpoint("updateFrontend", "PUT /frontends/{frontend_id}", {
  body: FrontendSettingsBody,
  response: FrontendSchema,
});
export const deleteFrontend = endpoint("deleteFrontend", "DELETE /frontends/{frontend_id}", {
  response: noContent,
  notFoundMeansDone: true,
});

export const listRoutes = endpoint("listRoutes", "GET /routes", {
  query: ListRoutesQuery,
  response: listOf("routes", RouteSchema),
  items: "routes",
});
export const getRoute = endpoint("getRoute", "GET /routes/{route_id}", { response: RouteSchema });
/**
 * Routes have no name: a lost answer is resolved by looking for a route of the same frontend
 * with the same backend and match, created since the request began.
 */
export const createRoute = endpoint("createRoute", "POST /routes", {
  body: CreateRouteBody,
  response: RouteSchema,
  subject: ({ frontendId, zone }) => `a route with this match on frontend ${frontendId} in zone ${zone}`,
  reconcile:
    ({ ctx, operation, subject, req: { frontendId, backendId, match }, zone, startedAt, listAll }) =>
    async (inner) => {
      const bound = createdAtLowerBound(ctx, startedAt);
      const mine = (await listAll(listRoutes, { zone, frontendId }, inner)).filter(
        (r) =>
          r.frontendId === frontendId &&
          r.backendId === backendId &&
          sameRouteMatch(r.match, match) &&
          createdSince(r.createdAt, bound),
      );
      return pickCreated(operation, subject, mine);
    },
});
/** PUT: backend and match are replaced (the frontend cannot change). */
export const updateRoute = endpoint("updateRoute", "PUT /routes/{route_id}", {
  body: UpdateRouteBody,
  response: RouteSchema,
});
export const deleteRoute = endpoint("deleteRoute", "DELETE /routes/{route_id}", {
  response: noContent,
  notFoundMeansDone: true,
});

export const listAcls = endpoint("listAcls", "GET /frontends/{frontend_id}/acls", {
  query: NameQuery,
  response: listOf("acls", AclSchema),
  items: "acls",
});
export const getAcl = endpoint("getAcl", "GET /acls/{acl_id}", { response: AclSchema });
/** A lost answer is resolved by name and index within the frontend (README). */
export const createAcl = endpoint("createAcl", "POST /frontends/{frontend_id}/acls", {
  body: AclBody,
  response: AclSchema,
  subject: ({ name, frontendId, zone }) => `ACL "${name}" on frontend ${frontendId} in zone ${zone}`,
  reconcile: (a) => {
    const { zone, frontendId, name, index } = a.req;
    return createdByName(a, listAcls, { zone, frontendId, name }, (acl) => acl.index === index);
  },
});
/** Replaces every ACL of a frontend. */
export const setAcls = endpoint("setAcls", "PUT /frontends/{frontend_id}/acls", {
  body: SetAclsBody,
  response: SetAclsResponseSchema,
});
/** PUT: name, action, match, index and description are replaced. */
export const updateAcl = endpoint("updateAcl", "PUT /acls/{acl_id}", { body: AclBody, response: AclSchema });
export const deleteAcl = endpoint("deleteAcl", "DELETE /acls/{acl_id}", {
  response: noContent,
  notFoundMeansDone: true,
});
