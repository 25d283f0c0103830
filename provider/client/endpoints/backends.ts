/** Backends, their server pool and health check (reference §2 #12–20). */
import { endpoint } from "../endpoint";
import { createdAtLowerBound, createdSince, pickCreated } from "../reconcile";
import {
  BackendSchema,
  BackendServersBody,
  BackendSettingsBody,
  CreateBackendBody,
  HealthCheckBody,
  HealthCheckSchema,
  ListBackendsQuery,
} from "../schemas/backend";
import { listOf, noContent } from "../schemas/common";

export const listBackends = endpoint({
  name: "listBackends",
  method: "GET",
  path: "/lbs/{lb_id}/backends",
  query: ListBackendsQuery,
  response: listOf("backends", BackendSchema),
  items: "backends",
  safety: "read",
});

export const getBackend = endpoint({
  name: "getBackend",
  method: "GET",
  path: "/backends/{backend_id}",
  response: BackendSchema,
  safety: "read",
});

/** A lost answer is resolved by name within the LB (README). */
export const createBackend = endpoint({
  name: "createBackend",
  method: "POST",
  path: "/lbs/{lb_id}/backends",
  body: CreateBackendBody,
  response: BackendSchema,
  safety: "non_idempotent",
  subject: ({ name, lbId, zone }) => `backend "${name}" on LB ${lbId} in zone ${zone}`,
  reconcile:
    ({ ctx, req: { name, lbId }, zone, startedAt, listAll }) =>
    async (inner) => {
      const bound = createdAtLowerBound(ctx, startedAt);
      const mine = (await listAll(listBackends, { zone, lbId, name }, inner)).filter(
        (b) => b.name === name && createdSince(b.createdAt, bound),
      );
      return pickCreated("createBackend", `backend "${name}" on LB ${lbId} in zone ${zone}`, mine);
    },
});

/** PUT: every setting is replaced, except the health check and the pool (own endpoints). */
export const updateBackend = endpoint({
  name: "updateBackend",
  method: "PUT",
  path: "/backends/{backend_id}",
  body: BackendSettingsBody,
  response: BackendSchema,
  safety: "idempotent",
});

export const deleteBackend = endpoint({
  name: "deleteBackend",
  method: "DELETE",
  path: "/backends/{backend_id}",
  response: noContent,
  safety: "idempotent",
  notFoundMeansDone: true,
});

/** Adds servers to the pool. A lost answer is resolved by reading the pool back. */
export const addBackendServers = endpoint({
  name: "addBackendServers",
  method: "POST",
  path: "/backends/{backend_id}/servers",
  body: BackendServersBody,
  response: BackendSchema,
  safety: "non_idempotent",
  reconcile:
    ({ req: { backendId, serverIp }, zone, send }) =>
    async (inner) => {
      const backend = await send(getBackend, { zone, backendId }, inner);
      const pool = new Set(backend.pool);
      return serverIp.every((ip) => pool.has(ip)) ? backend : null;
    },
});

/** Replaces the whole pool (`[]` empties it). */
export const setBackendServers = endpoint({
  name: "setBackendServers",
  method: "PUT",
  path: "/backends/{backend_id}/servers",
  body: BackendServersBody,
  response: BackendSchema,
  safety: "idempotent",
});

/** Removes servers from the pool (a DELETE with a body). */
export const removeBackendServers = endpoint({
  name: "removeBackendServers",
  method: "DELETE",
  path: "/backends/{backend_id}/servers",
  body: BackendServersBody,
  response: BackendSchema,
  safety: "idempotent",
});

/** Replaces the whole health check; answers the health check only. */
export const updateHealthCheck = endpoint({
  name: "updateHealthCheck",
  method: "PUT",
  path: "/backends/{backend_id}/healthcheck",
  body: HealthCheckBody,
  response: HealthCheckSchema,
  safety: "idempotent",
});
