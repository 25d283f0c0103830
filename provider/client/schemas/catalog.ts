/** Read-only listings: LB offers and backend server statistics (reference §2 #32, #44). */
import { z } from "zod";
import type { Camelize } from "../casing";
import { flag, list, openEnum, pageQuery, text, timestamp, withDefault } from "./common";

export const LB_TYPE_STOCKS = ["unknown", "low_stock", "out_of_stock", "available"] as const;
export type LbTypeStock = (typeof LB_TYPE_STOCKS)[number];

/** An LB offer. `bandwidth`: maximum bandwidth (unit undocumented; bits per second assumed). */
export const LbTypeSchema = z.object({
  /** e.g. `LB-S`. */
  name: z.string(),
  stock_status: openEnum(LB_TYPE_STOCKS, "unknown"),
  bandwidth: withDefault(z.number(), 0),
  multicloud: flag(),
  description: text(),
  region: text(),
  zone: text(),
});
export type LbType = Camelize<z.output<typeof LbTypeSchema>>;

export const SERVER_STATES = ["stopped", "starting", "running", "stopping"] as const;
export type BackendServerStatsServerState = (typeof SERVER_STATES)[number];
export const HEALTH_CHECK_STATUSES = ["unknown", "neutral", "failed", "passed", "condpass"] as const;
export type BackendServerStatsHealthCheckStatus = (typeof HEALTH_CHECK_STATUSES)[number];

/** One row per (LB instance, backend server). */
export const BackendServerStatsSchema = z.object({
  instance_id: z.string(),
  backend_id: z.string(),
  ip: z.string(),
  server_state: openEnum(SERVER_STATES, "stopped"),
  server_state_changed_at: timestamp,
  last_health_check_status: openEnum(HEALTH_CHECK_STATUSES, "unknown"),
});
export type BackendServerStats = Camelize<z.output<typeof BackendServerStatsSchema>>;

/** Older answers had no `total_count`. */
export const ListBackendStatsResponseSchema = z
  .object({ backend_servers_stats: list(BackendServerStatsSchema), total_count: z.number().nullish() })
  .transform((w) => ({
    backend_servers_stats: w.backend_servers_stats,
    total_count: w.total_count ?? w.backend_servers_stats.length,
  }));

export const ListLbTypesQuery = z.object(pageQuery);
export const ListBackendStatsQuery = z.object({ backend_id: z.string().optional(), ...pageQuery });
