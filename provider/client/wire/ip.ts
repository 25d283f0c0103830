/** Flexible IP wire schemas and marshalling. */
import { z } from "zod";
import { type JsonObject, jsonObject } from "../json";
import type { CreateIpRequest, Ip, ListIpsResponse, UpdateIpRequest } from "../model/ip";
import { list, nullable } from "./common";

export const IpWire = z
  .looseObject({
    id: z.string(),
    ip_address: z.string(),
    organization_id: z.string(),
    project_id: z.string(),
    lb_id: nullable(z.string()),
    reverse: z.string(),
    tags: list(z.string()),
    region: z.string(),
    zone: z.string(),
  })
  .transform(
    (w): Ip => ({
      id: w.id,
      ipAddress: w.ip_address,
      organizationId: w.organization_id,
      projectId: w.project_id,
      lbId: w.lb_id,
      reverse: w.reverse,
      tags: w.tags,
      region: w.region,
      zone: w.zone,
    }),
  );

export const ListIpsResponseWire = z
  .looseObject({ ips: list(IpWire), total_count: z.number() })
  .transform((w): ListIpsResponse => ({ ips: w.ips, totalCount: w.total_count }));

export function marshalCreateIp(
  req: CreateIpRequest,
  project: { projectId?: string; organizationId?: string },
): JsonObject {
  return jsonObject({
    project_id: project.projectId,
    organization_id: project.organizationId,
    reverse: req.reverse,
    is_ipv6: req.isIpv6 ?? false,
    tags: req.tags ?? [],
  });
}

/** PATCH body: only the fields given. */
export function marshalUpdateIp(req: UpdateIpRequest): JsonObject {
  return jsonObject({ reverse: req.reverse, lb_id: req.lbId, tags: req.tags });
}
