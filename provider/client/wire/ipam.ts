/** IPAM IP wire schemas (the regional IPAM API an LB's private IPs live in). */
import { z } from "zod";
import type { IpamIp, ListIpamIpsResponse } from "../model/ipam";
import { list, nullable, timestamp } from "./common";

export const IpamIpWire = z
  .looseObject({
    id: z.string(),
    address: z.string(),
    is_ipv6: z.boolean(),
    project_id: z.string(),
    region: z.string(),
    resource: nullable(
      z.looseObject({
        id: z.string(),
        type: z.string(),
        name: nullable(z.string()),
        mac_address: nullable(z.string()),
      }),
    ),
    source: nullable(z.looseObject({ subnet_id: nullable(z.string()) })),
    tags: list(z.string()),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .transform(
    (w): IpamIp => ({
      id: w.id,
      address: w.address,
      isIpv6: w.is_ipv6,
      projectId: w.project_id,
      region: w.region,
      resource: w.resource && {
        id: w.resource.id,
        type: w.resource.type,
        name: w.resource.name,
        macAddress: w.resource.mac_address,
      },
      subnetId: w.source?.subnet_id ?? null,
      tags: w.tags,
      createdAt: w.created_at,
      updatedAt: w.updated_at,
    }),
  );

export const ListIpamIpsResponseWire = z
  .looseObject({ ips: list(IpamIpWire), total_count: z.number() })
  .transform((w): ListIpamIpsResponse => ({ ips: w.ips, totalCount: w.total_count }));
