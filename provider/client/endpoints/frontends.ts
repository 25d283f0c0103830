/** Frontends, routes and ACLs (reference §2 #21–38). */
import { deletion, endpoint, listing } from "../endpoint";
import { createdByName, createdMatching } from "../reconcile";
import { AclBody, AclSchema, SetAclsBody, SetAclsResponseSchema } from "../schemas/acl";
import { NameQuery } from "../schemas/common";
import { FrontendSchema, FrontendSettingsBody } from "../schemas/frontend";
import {
  CreateRouteBody,
  ListRoutesQuery,
  RouteSchema,
  sameRouteMatch,
  UpdateRouteBody,
} from "../schemas/route";

export const listFrontends = listing(
  "listFrontends",
  "/lbs/{lb_id}/frontends",
  NameQuery,
  "frontends",
  FrontendSchema,
);
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
export const deleteFrontend = deletion("deleteFrontend", "/frontends/{frontend_id}");

export const listRoutes = listing("listRoutes", "/routes", ListRoutesQuery, "routes", RouteSchema);
export const getRoute = endpoint("getRoute", "GET /routes/{route_id}", { response: RouteSchema });
/**
 * Routes have no name: a lost answer is resolved by looking for a route of the same frontend
 * with the same backend and match, created since the request began.
 */
export const createRoute = endpoint("createRoute", "POST /routes", {
  body: CreateRouteBody,
  response: RouteSchema,
  subject: ({ frontendId, zone }) => `a route with this match on frontend ${frontendId} in zone ${zone}`,
  reconcile: (a) => {
    const { zone, frontendId, backendId, match } = a.req;
    return createdMatching(
      a,
      listRoutes,
      { zone, frontendId },
      (r) => r.frontendId === frontendId && r.backendId === backendId && sameRouteMatch(r.match, match),
    );
  },
});
/** PUT: backend and match are replaced (the frontend cannot change). */
export const updateRoute = endpoint("updateRoute", "PUT /routes/{route_id}", {
  body: UpdateRouteBody,
  response: RouteSchema,
});
export const deleteRoute = deletion("deleteRoute", "/routes/{route_id}");

export const listAcls = listing("listAcls", "/frontends/{frontend_id}/acls", NameQuery, "acls", AclSchema);
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
export const deleteAcl = deletion("deleteAcl", "/acls/{acl_id}");
