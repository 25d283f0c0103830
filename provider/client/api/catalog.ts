/** Read-only listings: LB offers and backend server statistics (reference §2 #32, #44). */
import type { LbType, ListLbTypesRequest, ListLbTypesResponse } from "../model/lb-type";
import type { BackendServerStats, ListBackendStatsRequest, ListBackendStatsResponse } from "../model/stats";
import type { CallOptions } from "../operation";
import { collectAll } from "../pagination";
import { zonedPath } from "../query";
import { ListLbTypesResponseWire } from "../wire/lb-type";
import { ListBackendStatsResponseWire } from "../wire/stats";
import { type ApiContext, zoneOf } from "./context";

export function catalogMethods(ctx: ApiContext) {
  async function listLbTypes(req: ListLbTypesRequest = {}, call?: CallOptions): Promise<ListLbTypesResponse> {
    return ctx.run(
      {
        operation: "listLbTypes",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "lb-types"),
        query: { page: req.page, page_size: req.pageSize },
        response: ListLbTypesResponseWire,
        safety: "read",
      },
      call,
    );
  }

  async function listAllLbTypes(
    req: Omit<ListLbTypesRequest, "page"> = {},
    call?: CallOptions,
  ): Promise<LbType[]> {
    return collectAll(
      async (page, pageSize) => {
        const r = await listLbTypes({ ...req, page, pageSize }, call);
        return { items: r.lbTypes, totalCount: r.totalCount };
      },
      (type) => type.name,
      { pageSize: req.pageSize },
    );
  }

  async function listBackendStats(
    req: ListBackendStatsRequest,
    call?: CallOptions,
  ): Promise<ListBackendStatsResponse> {
    return ctx.run(
      {
        operation: "listBackendStats",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "lbs", req.lbId, "backend-stats"),
        query: { backend_id: req.backendId, page: req.page, page_size: req.pageSize },
        response: ListBackendStatsResponseWire,
        safety: "read",
      },
      call,
    );
  }

  async function listAllBackendStats(
    req: Omit<ListBackendStatsRequest, "page">,
    call?: CallOptions,
  ): Promise<BackendServerStats[]> {
    return collectAll(
      async (page, pageSize) => {
        const r = await listBackendStats({ ...req, page, pageSize }, call);
        return { items: r.backendServersStats, totalCount: r.totalCount };
      },
      (row) => `${row.instanceId}/${row.backendId}/${row.ip}`,
      { pageSize: req.pageSize },
    );
  }

  return { listLbTypes, listAllLbTypes, listBackendStats, listAllBackendStats };
}

export type CatalogMethods = ReturnType<typeof catalogMethods>;
