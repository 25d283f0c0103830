/**
 * The one IPAM object the LB resources need: a private IP booked for an LB (regional API
 * `/ipam/v1/regions/{region}/ips`), which is where an attachment's address lives.
 */
import { z } from "zod";
import type { Camelize } from "../casing";
import { list, nullable, pageQuery, timestamp } from "./common";

export const IpamIpSchema = z
  .object({
    id: z.string(),
    /** With the subnet's prefix length, as the API writes it: `172.16.32.7/22`. */
    address: z.string(),
    is_ipv6: z.boolean(),
    project_id: z.string(),
    region: z.string(),
    /** What the IP is bound to (e.g. `lb_server`: a load balancer on a private network). */
    resource: nullable(
      z.object({
        id: z.string(),
        type: z.string(),
        name: nullable(z.string()),
        mac_address: nullable(z.string()),
      }),
    ),
    source: nullable(z.object({ subnet_id: nullable(z.string()) })),
    tags: list(z.string()),
    created_at: timestamp,
    updated_at: timestamp,
  })
  // Only the subnet of `source` is kept, one level up.
  .transform(({ source, tags, created_at, updated_at, ...rest }) => ({
    ...rest,
    subnet_id: source?.subnet_id ?? null,
    tags,
    created_at,
    updated_at,
  }));
export type IpamIp = Camelize<z.output<typeof IpamIpSchema>>;
export type IpamResource = NonNullable<IpamIp["resource"]>;

export const IPAM_ORDER = ["created_at_asc", "created_at_desc", "updated_at_asc", "updated_at_desc"] as const;

export const ListIpamIpsQuery = z.object({
  order_by: z.enum(IPAM_ORDER).optional(),
  ...pageQuery,
  private_network_id: z.string().optional(),
  resource_id: z.string().optional(),
  resource_type: z.string().optional(),
  resource_name: z.string().optional(),
  is_ipv6: z.boolean().optional(),
});
