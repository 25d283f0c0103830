/** Load balancer operations (reference §2 #1–6, §4.1). */
import type {
  CreateLbRequest,
  DeleteLbRequest,
  GetLbRequest,
  Lb,
  ListLbsRequest,
  ListLbsResponse,
  MigrateLbRequest,
  UpdateLbRequest,
} from "../model/lb";
import type { CallOptions } from "../operation";
import { collectAll } from "../pagination";
import { zonedPath } from "../query";
import { noContent } from "../wire/common";
import { LbWire, ListLbsResponseWire, marshalCreateLb, marshalUpdateLb } from "../wire/lb";
import { type ApiContext, projectOf, zoneOf } from "./context";
import { createdAtLowerBound, createdSince, pickCreated } from "./reconcile";

const GOING_AWAY: ReadonlySet<string> = new Set(["to_delete", "deleting"]);

export function lbMethods(ctx: ApiContext) {
  async function listLbs(req: ListLbsRequest = {}, call?: CallOptions): Promise<ListLbsResponse> {
    return ctx.run(
      {
        operation: "listLbs",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "lbs"),
        query: {
          name: req.name,
          order_by: req.orderBy,
          page: req.page,
          page_size: req.pageSize,
          organization_id: req.organizationId,
          project_id: req.projectId,
          tags: req.tags,
          lb_ids: req.lbIds,
        },
        response: ListLbsResponseWire,
        safety: "read",
      },
      call,
    );
  }

  /** Every LB matching the filters, all pages walked. */
  async function listAllLbs(req: Omit<ListLbsRequest, "page"> = {}, call?: CallOptions): Promise<Lb[]> {
    return collectAll(
      async (page, pageSize) => {
        const r = await listLbs({ ...req, page, pageSize }, call);
        return { items: r.lbs, totalCount: r.totalCount };
      },
      (lb) => lb.id,
      { pageSize: req.pageSize },
    );
  }

  async function getLb(req: GetLbRequest, call?: CallOptions): Promise<Lb> {
    return ctx.run(
      {
        operation: "getLb",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "lbs", req.lbId),
        response: LbWire,
        safety: "read",
      },
      call,
    );
  }

  /** Creates an LB. A lost answer is resolved by looking the LB up by name (README). */
  async function createLb(req: CreateLbRequest, call?: CallOptions): Promise<Lb> {
    const zone = zoneOf(ctx, req);
    const project = projectOf(ctx, req);
    const startedAt = ctx.clock.now();
    return ctx.run(
      {
        operation: "createLb",
        method: "POST",
        path: zonedPath(zone, "lbs"),
        body: marshalCreateLb(req, project),
        response: LbWire,
        safety: "non_idempotent",
        subject: `load balancer "${req.name}" in zone ${zone}`,
        reconcile: async (inner) => {
          const lbs = await listAllLbs({ zone, name: req.name, ...project }, inner);
          const bound = createdAtLowerBound(ctx, startedAt);
          const mine = lbs.filter(
            (lb) => lb.name === req.name && !GOING_AWAY.has(lb.status) && createdSince(lb.createdAt, bound),
          );
          return pickCreated("createLb", `load balancer "${req.name}" in zone ${zone}`, mine);
        },
      },
      call,
    );
  }

  /** PUT: name, description, tags and SSL level are all replaced. */
  async function updateLb(req: UpdateLbRequest, call?: CallOptions): Promise<Lb> {
    return ctx.run(
      {
        operation: "updateLb",
        method: "PUT",
        path: zonedPath(zoneOf(ctx, req), "lbs", req.lbId),
        body: marshalUpdateLb(req),
        response: LbWire,
        safety: "idempotent",
      },
      call,
    );
  }

  async function deleteLb(req: DeleteLbRequest, call?: CallOptions): Promise<void> {
    await ctx.run(
      {
        operation: "deleteLb",
        method: "DELETE",
        path: zonedPath(zoneOf(ctx, req), "lbs", req.lbId),
        query: { release_ip: req.releaseIp },
        response: noContent,
        safety: "idempotent",
        notFoundMeansDone: true,
      },
      call,
    );
  }

  /** Changes the offer type. A lost answer is resolved by reading the LB back. */
  async function migrateLb(req: MigrateLbRequest, call?: CallOptions): Promise<Lb> {
    const zone = zoneOf(ctx, req);
    return ctx.run(
      {
        operation: "migrateLb",
        method: "POST",
        path: zonedPath(zone, "lbs", req.lbId, "migrate"),
        body: { type: req.type },
        response: LbWire,
        safety: "non_idempotent",
        reconcile: async (inner) => {
          const lb = await getLb({ zone, lbId: req.lbId }, inner);
          const done = lb.status === "migrating" || lb.type.toLowerCase() === req.type.toLowerCase();
          return done ? lb : null;
        },
      },
      call,
    );
  }

  return { listLbs, listAllLbs, getLb, createLb, updateLb, deleteLb, migrateLb };
}

export type LbMethods = ReturnType<typeof lbMethods>;
