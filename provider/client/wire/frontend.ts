/** Frontend wire schemas and marshalling. */
import { z } from "zod";
import { type JsonObject, jsonObject } from "../json";
import type { Frontend, FrontendSettings, ListFrontendsResponse } from "../model/frontend";
import { BackendWire, millisOut } from "./backend";
import { CertificateWire } from "./certificate";
import { duration, flag, list, nullable, timestamp } from "./common";
import { LbWire } from "./lb";

export const FrontendWire = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    inbound_port: z.number(),
    backend: BackendWire,
    lb: LbWire,
    timeout_client: duration,
    certificate: nullable(CertificateWire),
    certificate_ids: list(z.string()),
    created_at: timestamp,
    updated_at: timestamp,
    enable_http3: flag(),
    connection_rate_limit: nullable(z.number()),
    enable_access_logs: flag(),
  })
  .transform(
    (w): Frontend => ({
      id: w.id,
      name: w.name,
      inboundPort: w.inbound_port,
      backend: w.backend,
      lb: w.lb,
      timeoutClient: w.timeout_client,
      certificate: w.certificate,
      certificateIds: w.certificate_ids,
      createdAt: w.created_at,
      updatedAt: w.updated_at,
      enableHttp3: w.enable_http3,
      connectionRateLimit: w.connection_rate_limit,
      enableAccessLogs: w.enable_access_logs,
    }),
  );

export const ListFrontendsResponseWire = z
  .looseObject({ frontends: list(FrontendWire), total_count: z.number() })
  .transform((w): ListFrontendsResponse => ({ frontends: w.frontends, totalCount: w.total_count }));

export function marshalFrontendSettings(s: FrontendSettings): JsonObject {
  return jsonObject({
    name: s.name,
    inbound_port: s.inboundPort,
    backend_id: s.backendId,
    timeout_client: millisOut(s.timeoutClient),
    certificate_id: s.certificateId,
    certificate_ids: s.certificateIds,
    enable_http3: s.enableHttp3 ?? false,
    connection_rate_limit: s.connectionRateLimit,
    enable_access_logs: s.enableAccessLogs ?? false,
  });
}
