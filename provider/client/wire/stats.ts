/** Backend server statistics wire schemas. */
import { z } from "zod";
import {
  type BackendServerStats,
  HEALTH_CHECK_STATUSES,
  type ListBackendStatsResponse,
  SERVER_STATES,
} from "../model/stats";
import { list, openEnum, timestamp } from "./common";

export const BackendServerStatsWire = z
  .looseObject({
    instance_id: z.string(),
    backend_id: z.string(),
    ip: z.string(),
    server_state: openEnum(SERVER_STATES, "stopped"),
    server_state_changed_at: timestamp,
    last_health_check_status: openEnum(HEALTH_CHECK_STATUSES, "unknown"),
  })
  .transform(
    (w): BackendServerStats => ({
      instanceId: w.instance_id,
      backendId: w.backend_id,
      ip: w.ip,
      serverState: w.server_state,
      serverStateChangedAt: w.server_state_changed_at,
      lastHealthCheckStatus: w.last_health_check_status,
    }),
  );

export const ListBackendStatsResponseWire = z
  .looseObject({ backend_servers_stats: list(BackendServerStatsWire), total_count: z.number().nullish() })
  .transform(
    (w): ListBackendStatsResponse => ({
      backendServersStats: w.backend_servers_stats,
      totalCount: w.total_count ?? w.backend_servers_stats.length,
    }),
  );
