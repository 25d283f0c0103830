/** Frontend operations (reference §2 #21–25, §4.4). */
import type {
  CreateFrontendRequest,
  DeleteFrontendRequest,
  Frontend,
  GetFrontendRequest,
  ListFrontendsRequest,
  ListFrontendsResponse,
  UpdateFrontendRequest,
} from "../model/frontend";
import type { CallOptions } from "../operation";
import { collectAll } from "../pagination";
import { zonedPath } from "../query";
import { noContent } from "../wire/common";
import { FrontendWire, ListFrontendsResponseWire, marshalFrontendSettings } from "../wire/frontend";
import { type ApiContext, zoneOf } from "./context";
import { createdAtLowerBound, createdSince, pickCreated } from "./reconcile";

export function frontendMethods(ctx: ApiContext) {
  async function listFrontends(
    req: ListFrontendsRequest,
    call?: CallOptions,
  ): Promise<ListFrontendsResponse> {
    return ctx.run(
      {
        operation: "listFrontends",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "lbs", req.lbId, "frontends"),
        query: { name: req.name, order_by: req.orderBy, page: req.page, page_size: req.pageSize },
        response: ListFrontendsResponseWire,
        safety: "read",
      },
      call,
    );
  }

  async function listAllFrontends(
    req: Omit<ListFrontendsRequest, "page">,
    call?: CallOptions,
  ): Promise<Frontend[]> {
    return collectAll(
      async (page, pageSize) => {
        const r = await listFrontends({ ...req, page, pageSize }, call);
        return { items: r.frontends, totalCount: r.totalCount };
      },
      (frontend) => frontend.id,
      { pageSize: req.pageSize },
    );
  }

  async function getFrontend(req: GetFrontendRequest, call?: CallOptions): Promise<Frontend> {
    return ctx.run(
      {
        operation: "getFrontend",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "frontends", req.frontendId),
        response: FrontendWire,
        safety: "read",
      },
      call,
    );
  }

  /** Creates a frontend. A lost answer is resolved by name within the LB (README). */
  async function createFrontend(req: CreateFrontendRequest, call?: CallOptions): Promise<Frontend> {
    const zone = zoneOf(ctx, req);
    const startedAt = ctx.clock.now();
    return ctx.run(
      {
        operation: "createFrontend",
        method: "POST",
        path: zonedPath(zone, "lbs", req.lbId, "frontends"),
        body: marshalFrontendSettings(req),
        response: FrontendWire,
        safety: "non_idempotent",
        subject: `frontend "${req.name}" on LB ${req.lbId} in zone ${zone}`,
        reconcile: async (inner) => {
          const frontends = await listAllFrontends({ zone, lbId: req.lbId, name: req.name }, inner);
          const bound = createdAtLowerBound(ctx, startedAt);
          const mine = frontends.filter((f) => f.name === req.name && createdSince(f.createdAt, bound));
          return pickCreated(
            "createFrontend",
            `frontend "${req.name}" on LB ${req.lbId} in zone ${zone}`,
            mine,
          );
        },
      },
      call,
    );
  }

  /** PUT: every setting is replaced. */
  async function updateFrontend(req: UpdateFrontendRequest, call?: CallOptions): Promise<Frontend> {
    return ctx.run(
      {
        operation: "updateFrontend",
        method: "PUT",
        path: zonedPath(zoneOf(ctx, req), "frontends", req.frontendId),
        body: marshalFrontendSettings(req),
        response: FrontendWire,
        safety: "idempotent",
      },
      call,
    );
  }

  async function deleteFrontend(req: DeleteFrontendRequest, call?: CallOptions): Promise<void> {
    await ctx.run(
      {
        operation: "deleteFrontend",
        method: "DELETE",
        path: zonedPath(zoneOf(ctx, req), "frontends", req.frontendId),
        response: noContent,
        safety: "idempotent",
        notFoundMeansDone: true,
      },
      call,
    );
  }

  return { listFrontends, listAllFrontends, getFrontend, createFrontend, updateFrontend, deleteFrontend };
}

export type FrontendMethods = ReturnType<typeof frontendMethods>;
