/** ACL operations (reference §2 #33–38, §4.6). */
import type {
  Acl,
  CreateAclRequest,
  DeleteAclRequest,
  GetAclRequest,
  ListAclResponse,
  ListAclsRequest,
  SetAclsRequest,
  SetAclsResponse,
  UpdateAclRequest,
} from "../model/acl";
import type { CallOptions } from "../operation";
import { collectAll } from "../pagination";
import { zonedPath } from "../query";
import { AclWire, ListAclResponseWire, marshalAclSpec, SetAclsResponseWire } from "../wire/acl";
import { noContent } from "../wire/common";
import { type ApiContext, zoneOf } from "./context";
import { createdAtLowerBound, createdSince, pickCreated } from "./reconcile";

export function aclMethods(ctx: ApiContext) {
  async function listAcls(req: ListAclsRequest, call?: CallOptions): Promise<ListAclResponse> {
    return ctx.run(
      {
        operation: "listAcls",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "frontends", req.frontendId, "acls"),
        query: { name: req.name, order_by: req.orderBy, page: req.page, page_size: req.pageSize },
        response: ListAclResponseWire,
        safety: "read",
      },
      call,
    );
  }

  async function listAllAcls(req: Omit<ListAclsRequest, "page">, call?: CallOptions): Promise<Acl[]> {
    return collectAll(
      async (page, pageSize) => {
        const r = await listAcls({ ...req, page, pageSize }, call);
        return { items: r.acls, totalCount: r.totalCount };
      },
      (acl) => acl.id,
      { pageSize: req.pageSize },
    );
  }

  async function getAcl(req: GetAclRequest, call?: CallOptions): Promise<Acl> {
    return ctx.run(
      {
        operation: "getAcl",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "acls", req.aclId),
        response: AclWire,
        safety: "read",
      },
      call,
    );
  }

  /** Creates an ACL. A lost answer is resolved by name and index within the frontend (README). */
  async function createAcl(req: CreateAclRequest, call?: CallOptions): Promise<Acl> {
    const zone = zoneOf(ctx, req);
    const startedAt = ctx.clock.now();
    return ctx.run(
      {
        operation: "createAcl",
        method: "POST",
        path: zonedPath(zone, "frontends", req.frontendId, "acls"),
        body: marshalAclSpec(req),
        response: AclWire,
        safety: "non_idempotent",
        subject: `ACL "${req.name}" on frontend ${req.frontendId} in zone ${zone}`,
        reconcile: async (inner) => {
          const acls = await listAllAcls({ zone, frontendId: req.frontendId, name: req.name }, inner);
          const bound = createdAtLowerBound(ctx, startedAt);
          const mine = acls.filter(
            (a) => a.name === req.name && a.index === req.index && createdSince(a.createdAt, bound),
          );
          return pickCreated(
            "createAcl",
            `ACL "${req.name}" on frontend ${req.frontendId} in zone ${zone}`,
            mine,
          );
        },
      },
      call,
    );
  }

  /** Replaces every ACL of a frontend. */
  async function setAcls(req: SetAclsRequest, call?: CallOptions): Promise<SetAclsResponse> {
    return ctx.run(
      {
        operation: "setAcls",
        method: "PUT",
        path: zonedPath(zoneOf(ctx, req), "frontends", req.frontendId, "acls"),
        body: { acls: req.acls.map(marshalAclSpec) },
        response: SetAclsResponseWire,
        safety: "idempotent",
      },
      call,
    );
  }

  /** PUT: name, action, match, index and description are replaced. */
  async function updateAcl(req: UpdateAclRequest, call?: CallOptions): Promise<Acl> {
    return ctx.run(
      {
        operation: "updateAcl",
        method: "PUT",
        path: zonedPath(zoneOf(ctx, req), "acls", req.aclId),
        body: marshalAclSpec(req),
        response: AclWire,
        safety: "idempotent",
      },
      call,
    );
  }

  async function deleteAcl(req: DeleteAclRequest, call?: CallOptions): Promise<void> {
    await ctx.run(
      {
        operation: "deleteAcl",
        method: "DELETE",
        path: zonedPath(zoneOf(ctx, req), "acls", req.aclId),
        response: noContent,
        safety: "idempotent",
        notFoundMeansDone: true,
      },
      call,
    );
  }

  return { listAcls, listAllAcls, getAcl, createAcl, setAcls, updateAcl, deleteAcl };
}

export type AclMethods = ReturnType<typeof aclMethods>;
