/** Load balancer wire schemas and marshalling. */
import { z } from "zod";
import { type JsonObject, jsonObject } from "../json";
import {
  type CreateLbRequest,
  INSTANCE_STATUSES,
  type Instance,
  LB_STATUSES,
  type Lb,
  type ListLbsResponse,
  SSL_COMPATIBILITY_LEVELS,
  type UpdateLbRequest,
} from "../model/lb";
import { list, nullable, openEnum, text, timestamp } from "./common";
import { IpWire } from "./ip";
import { SubscriberWire } from "./subscriber";

export const InstanceWire = z
  .looseObject({
    id: z.string(),
    status: openEnum(INSTANCE_STATUSES, "unknown"),
    ip_address: text(),
    created_at: timestamp,
    updated_at: timestamp,
    region: text(),
    zone: text(),
  })
  .transform(
    (w): Instance => ({
      id: w.id,
      status: w.status,
      ipAddress: w.ip_address,
      createdAt: w.created_at,
      updatedAt: w.updated_at,
      region: w.region,
      zone: w.zone,
    }),
  );

export const LbWire = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    description: text(),
    status: openEnum(LB_STATUSES, "unknown"),
    instances: list(InstanceWire),
    organization_id: z.string(),
    project_id: z.string(),
    ip: list(IpWire),
    tags: list(z.string()),
    frontend_count: z.number(),
    backend_count: z.number(),
    route_count: z.number().nullish(),
    private_network_count: z.number().nullish(),
    type: z.string(),
    subscriber: nullable(SubscriberWire),
    ssl_compatibility_level: openEnum(SSL_COMPATIBILITY_LEVELS, "ssl_compatibility_level_unknown"),
    created_at: timestamp,
    updated_at: timestamp,
    region: text(),
    zone: z.string(),
  })
  .transform(
    (w): Lb => ({
      id: w.id,
      name: w.name,
      description: w.description,
      status: w.status,
      instances: w.instances,
      organizationId: w.organization_id,
      projectId: w.project_id,
      ip: w.ip,
      tags: w.tags,
      frontendCount: w.frontend_count,
      backendCount: w.backend_count,
      routeCount: w.route_count ?? 0,
      privateNetworkCount: w.private_network_count ?? 0,
      type: w.type,
      subscriber: w.subscriber,
      sslCompatibilityLevel: w.ssl_compatibility_level,
      createdAt: w.created_at,
      updatedAt: w.updated_at,
      region: w.region,
      zone: w.zone,
    }),
  );

export const ListLbsResponseWire = z
  .looseObject({ lbs: list(LbWire), total_count: z.number() })
  .transform((w): ListLbsResponse => ({ lbs: w.lbs, totalCount: w.total_count }));

export function marshalCreateLb(
  req: CreateLbRequest,
  project: { projectId?: string; organizationId?: string },
): JsonObject {
  return jsonObject({
    project_id: project.projectId,
    organization_id: project.organizationId,
    name: req.name,
    description: req.description ?? "",
    ip_id: req.ipId,
    assign_flexible_ip: req.assignFlexibleIp,
    assign_flexible_ipv6: req.assignFlexibleIpv6,
    ip_ids: req.ipIds ?? [],
    tags: req.tags ?? [],
    type: req.type,
    ssl_compatibility_level: req.sslCompatibilityLevel,
  });
}

export function marshalUpdateLb(req: UpdateLbRequest): JsonObject {
  return jsonObject({
    name: req.name,
    description: req.description,
    tags: req.tags ?? [],
    ssl_compatibility_level: req.sslCompatibilityLevel,
  });
}
