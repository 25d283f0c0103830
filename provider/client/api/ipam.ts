/**
 * The one IPAM call the LB resources need: the private IPs booked for an LB (`resource_id` +
 * `resource_type=lb_server`), which is where an attachment's address lives — the LB API only
 * gives the IPAM ids. Regional: `/ipam/v1/regions/{region}/ips`, region taken from the zone.
 */

import { ScalewayError } from "../errors";
import type { IpamIp, ListIpamIpsRequest, ListIpamIpsResponse } from "../model/ipam";
import type { CallOptions } from "../operation";
import { collectAll } from "../pagination";
import { ListIpamIpsResponseWire } from "../wire/ipam";
import type { ApiContext } from "./context";

function regionalPath(region: string): string {
  if (!/^[a-z]{2}-[a-z]{3}$/.test(region)) {
    throw new ScalewayError({
      kind: "invalid_arguments",
      message: `"${region}" is not a region (e.g. fr-par)`,
    });
  }
  return `/ipam/v1/regions/${region}/ips`;
}

export function ipamMethods(ctx: ApiContext) {
  async function listIpamIps(req: ListIpamIpsRequest = {}, call?: CallOptions): Promise<ListIpamIpsResponse> {
    return ctx.run(
      {
        operation: "listIpamIps",
        method: "GET",
        path: regionalPath(req.region ?? ctx.zone.replace(/-\d+$/, "")),
        query: {
          order_by: req.orderBy,
          page: req.page,
          page_size: req.pageSize,
          private_network_id: req.privateNetworkId,
          resource_id: req.resourceId,
          resource_type: req.resourceType,
          resource_name: req.resourceName,
          is_ipv6: req.isIpv6,
        },
        response: ListIpamIpsResponseWire,
        safety: "read",
      },
      call,
    );
  }

  async function listAllIpamIps(
    req: Omit<ListIpamIpsRequest, "page"> = {},
    call?: CallOptions,
  ): Promise<IpamIp[]> {
    return collectAll(
      async (page, pageSize) => {
        const r = await listIpamIps({ ...req, page, pageSize }, call);
        return { items: r.ips, totalCount: r.totalCount };
      },
      (ip) => ip.id,
      { pageSize: req.pageSize },
    );
  }

  return { listIpamIps, listAllIpamIps };
}
