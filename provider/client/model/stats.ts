import type { PageRequest, Timestamp, ZonedRequest } from "./common";

export const SERVER_STATES = ["stopped", "starting", "running", "stopping"] as const;
export type BackendServerStatsServerState = (typeof SERVER_STATES)[number];

export const HEALTH_CHECK_STATUSES = ["unknown", "neutral", "failed", "passed", "condpass"] as const;
export type BackendServerStatsHealthCheckStatus = (typeof HEALTH_CHECK_STATUSES)[number];

/** One row per (LB instance, backend server). */
export interface BackendServerStats {
  instanceId: string;
  backendId: string;
  ip: string;
  serverState: BackendServerStatsServerState;
  serverStateChangedAt: Timestamp;
  lastHealthCheckStatus: BackendServerStatsHealthCheckStatus;
}

export interface ListBackendStatsRequest extends ZonedRequest, PageRequest {
  lbId: string;
  backendId?: string;
}

export interface ListBackendStatsResponse {
  backendServersStats: BackendServerStats[];
  totalCount: number;
}
