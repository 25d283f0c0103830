import type { Backend } from "./backend";
import type { Certificate } from "./certificate";
import type { Milliseconds, PageRequest, Timestamp, ZonedRequest } from "./common";
import type { Lb } from "./lb";

export interface Frontend {
  id: string;
  name: string;
  inboundPort: number;
  backend: Backend;
  lb: Lb;
  timeoutClient: Milliseconds | null;
  /** Deprecated: the first bound certificate, else `null`. */
  certificate: Certificate | null;
  certificateIds: string[];
  createdAt: Timestamp;
  updatedAt: Timestamp;
  enableHttp3: boolean;
  /** New connections per second; `null` = unlimited (the API stores 0 as `null`). */
  connectionRateLimit: number | null;
  enableAccessLogs: boolean;
}

/** Fields shared by create and update (update is a full replacement of these). */
export interface FrontendSettings {
  name: string;
  inboundPort: number;
  backendId: string;
  timeoutClient?: Milliseconds | null;
  /** Deprecated: use `certificateIds`. */
  certificateId?: string | null;
  certificateIds?: string[] | null;
  enableHttp3?: boolean;
  connectionRateLimit?: number | null;
  enableAccessLogs?: boolean;
}

export interface CreateFrontendRequest extends ZonedRequest, FrontendSettings {
  lbId: string;
}

export interface GetFrontendRequest extends ZonedRequest {
  frontendId: string;
}

export interface UpdateFrontendRequest extends ZonedRequest, FrontendSettings {
  frontendId: string;
}

export type DeleteFrontendRequest = GetFrontendRequest;

export type ListFrontendsRequestOrderBy = "created_at_asc" | "created_at_desc" | "name_asc" | "name_desc";

export interface ListFrontendsRequest extends ZonedRequest, PageRequest {
  lbId: string;
  /** Substring match. */
  name?: string;
  orderBy?: ListFrontendsRequestOrderBy;
}

export interface ListFrontendsResponse {
  frontends: Frontend[];
  totalCount: number;
}
