/** Backend, server pool and health check operations (reference §2 #12–20, §4.3). */
import type {
  AddBackendServersRequest,
  Backend,
  CreateBackendRequest,
  DeleteBackendRequest,
  GetBackendRequest,
  HealthCheck,
  ListBackendsRequest,
  ListBackendsResponse,
  RemoveBackendServersRequest,
  SetBackendServersRequest,
  UpdateBackendRequest,
  UpdateHealthCheckRequest,
} from "../model/backend";
import type { CallOptions } from "../operation";
import { collectAll } from "../pagination";
import { zonedPath } from "../query";
import {
  BackendWire,
  HealthCheckWire,
  ListBackendsResponseWire,
  marshalCreateBackend,
  marshalHealthCheck,
  marshalServers,
  marshalUpdateBackend,
} from "../wire/backend";
import { noContent } from "../wire/common";
import { type ApiContext, zoneOf } from "./context";
import { createdAtLowerBound, createdSince, pickCreated } from "./reconcile";

export function backendMethods(ctx: ApiContext) {
  async function listBackends(req: ListBackendsRequest, call?: CallOptions): Promise<ListBackendsResponse> {
    return ctx.run(
      {
        operation: "listBackends",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "lbs", req.lbId, "backends"),
        query: { name: req.name, order_by: req.orderBy, page: req.page, page_size: req.pageSize },
        response: ListBackendsResponseWire,
        safety: "read",
      },
      call,
    );
  }

  async function listAllBackends(
    req: Omit<ListBackendsRequest, "page">,
    call?: CallOptions,
  ): Promise<Backend[]> {
    return collectAll(
      async (page, pageSize) => {
        const r = await listBackends({ ...req, page, pageSize }, call);
        return { items: r.backends, totalCount: r.totalCount };
      },
      (backend) => backend.id,
      { pageSize: req.pageSize },
    );
  }

  async function getBackend(req: GetBackendRequest, call?: CallOptions): Promise<Backend> {
    return ctx.run(
      {
        operation: "getBackend",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "backends", req.backendId),
        response: BackendWire,
        safety: "read",
      },
      call,
    );
  }

  /** Creates a backend. A lost answer is resolved by name within the LB (README). */
  async function createBackend(req: CreateBackendRequest, call?: CallOptions): Promise<Backend> {
    const zone = zoneOf(ctx, req);
    const startedAt = ctx.clock.now();
    return ctx.run(
      {
        operation: "createBackend",
        method: "POST",
        path: zonedPath(zone, "lbs", req.lbId, "backends"),
        body: marshalCreateBackend(req),
        response: BackendWire,
        safety: "non_idempotent",
        subject: `backend "${req.name}" on LB ${req.lbId} in zone ${zone}`,
        reconcile: async (inner) => {
          const backends = await listAllBackends({ zone, lbId: req.lbId, name: req.name }, inner);
          const bound = createdAtLowerBound(ctx, startedAt);
          const mine = backends.filter((b) => b.name === req.name && createdSince(b.createdAt, bound));
          return pickCreated(
            "createBackend",
            `backend "${req.name}" on LB ${req.lbId} in zone ${zone}`,
            mine,
          );
        },
      },
      call,
    );
  }

  /** PUT: every setting is replaced, except the health check and the pool (own endpoints). */
  async function updateBackend(req: UpdateBackendRequest, call?: CallOptions): Promise<Backend> {
    return ctx.run(
      {
        operation: "updateBackend",
        method: "PUT",
        path: zonedPath(zoneOf(ctx, req), "backends", req.backendId),
        body: marshalUpdateBackend(req),
        response: BackendWire,
        safety: "idempotent",
      },
      call,
    );
  }

  async function deleteBackend(req: DeleteBackendRequest, call?: CallOptions): Promise<void> {
    await ctx.run(
      {
        operation: "deleteBackend",
        method: "DELETE",
        path: zonedPath(zoneOf(ctx, req), "backends", req.backendId),
        response: noContent,
        safety: "idempotent",
        notFoundMeansDone: true,
      },
      call,
    );
  }

  /** Adds servers to the pool. A lost answer is resolved by reading the pool back. */
  async function addBackendServers(req: AddBackendServersRequest, call?: CallOptions): Promise<Backend> {
    const zone = zoneOf(ctx, req);
    return ctx.run(
      {
        operation: "addBackendServers",
        method: "POST",
        path: zonedPath(zone, "backends", req.backendId, "servers"),
        body: marshalServers(req.serverIp),
        response: BackendWire,
        safety: "non_idempotent",
        reconcile: async (inner) => {
          const backend = await getBackend({ zone, backendId: req.backendId }, inner);
          const pool = new Set(backend.pool);
          return req.serverIp.every((ip) => pool.has(ip)) ? backend : null;
        },
      },
      call,
    );
  }

  /** Replaces the whole pool (`[]` empties it). */
  async function setBackendServers(req: SetBackendServersRequest, call?: CallOptions): Promise<Backend> {
    return ctx.run(
      {
        operation: "setBackendServers",
        method: "PUT",
        path: zonedPath(zoneOf(ctx, req), "backends", req.backendId, "servers"),
        body: marshalServers(req.serverIp),
        response: BackendWire,
        safety: "idempotent",
      },
      call,
    );
  }

  /** Removes servers from the pool (a DELETE with a body). */
  async function removeBackendServers(
    req: RemoveBackendServersRequest,
    call?: CallOptions,
  ): Promise<Backend> {
    return ctx.run(
      {
        operation: "removeBackendServers",
        method: "DELETE",
        path: zonedPath(zoneOf(ctx, req), "backends", req.backendId, "servers"),
        body: marshalServers(req.serverIp),
        response: BackendWire,
        safety: "idempotent",
      },
      call,
    );
  }

  /** Replaces the whole health check; answers the health check only. */
  async function updateHealthCheck(req: UpdateHealthCheckRequest, call?: CallOptions): Promise<HealthCheck> {
    return ctx.run(
      {
        operation: "updateHealthCheck",
        method: "PUT",
        path: zonedPath(zoneOf(ctx, req), "backends", req.backendId, "healthcheck"),
        body: marshalHealthCheck(req),
        response: HealthCheckWire,
        safety: "idempotent",
      },
      call,
    );
  }

  return {
    listBackends,
    listAllBackends,
    getBackend,
    createBackend,
    updateBackend,
    deleteBackend,
    addBackendServers,
    setBackendServers,
    removeBackendServers,
    updateHealthCheck,
  };
}

export type BackendMethods = ReturnType<typeof backendMethods>;
