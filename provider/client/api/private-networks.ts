/** LB private network attachments (reference §2 #52–54, §4.9). */
import type {
  AttachPrivateNetworkRequest,
  DetachPrivateNetworkRequest,
  ListLbPrivateNetworksRequest,
  ListLbPrivateNetworksResponse,
  PrivateNetwork,
} from "../model/private-network";
import type { CallOptions } from "../operation";
import { collectAll } from "../pagination";
import { zonedPath } from "../query";
import { noContent } from "../wire/common";
import {
  ListLbPrivateNetworksResponseWire,
  marshalAttachPrivateNetwork,
  PrivateNetworkWire,
} from "../wire/private-network";
import { type ApiContext, zoneOf } from "./context";

export function privateNetworkMethods(ctx: ApiContext) {
  async function listLbPrivateNetworks(
    req: ListLbPrivateNetworksRequest,
    call?: CallOptions,
  ): Promise<ListLbPrivateNetworksResponse> {
    return ctx.run(
      {
        operation: "listLbPrivateNetworks",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "lbs", req.lbId, "private-networks"),
        query: { order_by: req.orderBy, page: req.page, page_size: req.pageSize },
        response: ListLbPrivateNetworksResponseWire,
        safety: "read",
      },
      call,
    );
  }

  async function listAllLbPrivateNetworks(
    req: Omit<ListLbPrivateNetworksRequest, "page">,
    call?: CallOptions,
  ): Promise<PrivateNetwork[]> {
    return collectAll(
      async (page, pageSize) => {
        const r = await listLbPrivateNetworks({ ...req, page, pageSize }, call);
        return { items: r.privateNetwork, totalCount: r.totalCount };
      },
      (pn) => pn.privateNetworkId,
      { pageSize: req.pageSize },
    );
  }

  /** Attaches a private network. A lost answer is resolved by listing the LB's attachments. */
  async function attachPrivateNetwork(
    req: AttachPrivateNetworkRequest,
    call?: CallOptions,
  ): Promise<PrivateNetwork> {
    const zone = zoneOf(ctx, req);
    return ctx.run(
      {
        operation: "attachPrivateNetwork",
        method: "POST",
        path: zonedPath(zone, "lbs", req.lbId, "attach-private-network"),
        body: marshalAttachPrivateNetwork(req),
        response: PrivateNetworkWire,
        safety: "non_idempotent",
        reconcile: async (inner) => {
          const attached = await listAllLbPrivateNetworks({ zone, lbId: req.lbId }, inner);
          return attached.find((pn) => pn.privateNetworkId === req.privateNetworkId) ?? null;
        },
      },
      call,
    );
  }

  /** Detaches a private network; re-sent after a lost answer, a 404 then means done. */
  async function detachPrivateNetwork(req: DetachPrivateNetworkRequest, call?: CallOptions): Promise<void> {
    await ctx.run(
      {
        operation: "detachPrivateNetwork",
        method: "POST",
        path: zonedPath(zoneOf(ctx, req), "lbs", req.lbId, "detach-private-network"),
        body: { private_network_id: req.privateNetworkId },
        response: noContent,
        safety: "idempotent",
        notFoundMeansDone: true,
      },
      call,
    );
  }

  return { listLbPrivateNetworks, listAllLbPrivateNetworks, attachPrivateNetwork, detachPrivateNetwork };
}

export type PrivateNetworkMethods = ReturnType<typeof privateNetworkMethods>;
