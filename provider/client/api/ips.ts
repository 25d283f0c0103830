/** Flexible IP operations (reference §2 #7–11, §4.2). */
import type {
  CreateIpRequest,
  GetIpRequest,
  Ip,
  ListIpsRequest,
  ListIpsResponse,
  ReleaseIpRequest,
  UpdateIpRequest,
} from "../model/ip";
import type { CallOptions } from "../operation";
import { collectAll } from "../pagination";
import { zonedPath } from "../query";
import { noContent } from "../wire/common";
import { IpWire, ListIpsResponseWire, marshalCreateIp, marshalUpdateIp } from "../wire/ip";
import { type ApiContext, projectOf, zoneOf } from "./context";
import { pickCreated, sameSet } from "./reconcile";

export function ipMethods(ctx: ApiContext) {
  async function listIps(req: ListIpsRequest = {}, call?: CallOptions): Promise<ListIpsResponse> {
    return ctx.run(
      {
        operation: "listIps",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "ips"),
        query: {
          page: req.page,
          page_size: req.pageSize,
          ip_address: req.ipAddress,
          organization_id: req.organizationId,
          project_id: req.projectId,
          ip_type: req.ipType,
          tags: req.tags,
        },
        response: ListIpsResponseWire,
        safety: "read",
      },
      call,
    );
  }

  async function listAllIps(req: Omit<ListIpsRequest, "page"> = {}, call?: CallOptions): Promise<Ip[]> {
    return collectAll(
      async (page, pageSize) => {
        const r = await listIps({ ...req, page, pageSize }, call);
        return { items: r.ips, totalCount: r.totalCount };
      },
      (ip) => ip.id,
      { pageSize: req.pageSize },
    );
  }

  async function getIp(req: GetIpRequest, call?: CallOptions): Promise<Ip> {
    return ctx.run(
      {
        operation: "getIp",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "ips", req.ipId),
        response: IpWire,
        safety: "read",
      },
      call,
    );
  }

  /**
   * Books a flexible IP. IPs have neither a name nor a creation time, so the project's IPs are
   * listed before sending; a lost answer is resolved by looking for a new, unattached IP of the
   * requested family and tags (README "Unknown outcomes").
   */
  async function createIp(req: CreateIpRequest, call?: CallOptions): Promise<Ip> {
    const zone = zoneOf(ctx, req);
    const project = projectOf(ctx, req);
    const shared = ctx.withDeadline(call);
    const ipType = req.isIpv6 ? "ipv6" : "ipv4";
    const listMine = (inner: CallOptions) => listAllIps({ zone, ipType, ...project }, inner);
    const before = new Set((await listMine(shared)).map((ip) => ip.id));
    return ctx.run(
      {
        operation: "createIp",
        method: "POST",
        path: zonedPath(zone, "ips"),
        body: marshalCreateIp(req, project),
        response: IpWire,
        safety: "non_idempotent",
        subject: `a new unattached IP in zone ${zone}`,
        reconcile: async (inner) => {
          const after = await listMine(inner);
          const fresh = after.filter(
            (ip) =>
              !before.has(ip.id) &&
              ip.lbId === null &&
              ip.ipAddress.includes(":") === (req.isIpv6 ?? false) &&
              sameSet(ip.tags, req.tags ?? []) &&
              (req.reverse === undefined || req.reverse === null || ip.reverse === req.reverse),
          );
          return pickCreated("createIp", `a new unattached IP in zone ${zone}`, fresh);
        },
      },
      shared,
    );
  }

  /** PATCH: only the fields given change. */
  async function updateIp(req: UpdateIpRequest, call?: CallOptions): Promise<Ip> {
    return ctx.run(
      {
        operation: "updateIp",
        method: "PATCH",
        path: zonedPath(zoneOf(ctx, req), "ips", req.ipId),
        body: marshalUpdateIp(req),
        response: IpWire,
        safety: "idempotent",
      },
      call,
    );
  }

  async function releaseIp(req: ReleaseIpRequest, call?: CallOptions): Promise<void> {
    await ctx.run(
      {
        operation: "releaseIp",
        method: "DELETE",
        path: zonedPath(zoneOf(ctx, req), "ips", req.ipId),
        response: noContent,
        safety: "idempotent",
        notFoundMeansDone: true,
      },
      call,
    );
  }

  return { listIps, listAllIps, getIp, createIp, updateIp, releaseIp };
}

export type IpMethods = ReturnType<typeof ipMethods>;
