/** Backends, their server pool and health check (reference §2 #12–20). */
import { deletion, endpoint, listing } from "../endpoint";
import { createdByName, readBack } from "../reconcile";
import {
  BackendSchema,
  BackendServersBody,
  BackendSettingsBody,
  CreateBackendBody,
  HealthCheckBody,
  HealthCheckSchema,
} from "../schemas/backend";
import { NameQuery } from "../schemas/common";

export const listBackends = listing(
  "listBackends",
  "/lbs/{lb_id}/backends",
  NameQuery,
  "backends",
  BackendSchema,
);
export const getBackend = endpoint("getBackend", "GET /backends/{backend_id}", { response: BackendSchema });
/** A lost answer is resolved by name within the LB (README). */
export const createBackend = endpoint("createBackend", "POST /lbs/{lb_id}/backends", {
  body: CreateBackendBody,
  response: BackendSchema,
  subject: ({ name, lbId, zone }) => `backend "${name}" on LB ${lbId} in zone ${zone}`,
  reconcile: (a) => createdByName(a, listBackends, { zone: a.zone, lbId: a.req.lbId, name: a.req.name }),
});
/** PUT: every setting is replaced, except the health check and the pool (own endpoints). */
export const updateBackend = endpoint("updateBackend", "PUT /backends/{backend_id}", {
  body: BackendSettingsBody,
  response: BackendSchema,
});
export const deleteBackend = deletion("deleteBackend", "/backends/{backend_id}");
/** Adds servers to the pool. A lost answer is resolved by reading the pool back. */
export const addBackendServers = endpoint("addBackendServers", "POST /backends/{backend_id}/servers", {
  body: BackendServersBody,
  response: BackendSchema,
  reconcile: (a) => {
    const { zone, backendId, serverIp } = a.req;
    return readBack(a, getBackend, { zone, backendId }, ({ pool }) =>
      serverIp.every((ip) => pool.includes(ip)),
    );
  },
});
/** Replaces the whole pool (`[]` empties it). */
export const setBackendServers = endpoint("setBackendServers", "PUT /backends/{backend_id}/servers", {
  body: BackendServersBody,
  response: BackendSchema,
});
/** Removes servers from the pool (a DELETE with a body). */
export const removeBackendServers = endpoint(
  "removeBackendServers",
  "DELETE /backends/{backend_id}/servers",
  {
    body: BackendServersBody,
    response: BackendSchema,
  },
);
/** Replaces the whole health check; answers the health check only. */
export const updateHealthCheck = endpoint("updateHealthCheck", "PUT /backends/{backend_id}/healthcheck", {
  body: HealthCheckBody,
  response: HealthCheckSchema,
});
