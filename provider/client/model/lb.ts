import type { PageRequest, ProjectScoped, Timestamp, ZonedRequest } from "./common";
import type { Ip } from "./ip";
import type { Subscriber } from "./subscriber";

export const LB_STATUSES = [
  "unknown",
  "ready",
  "pending",
  "stopped",
  "error",
  "locked",
  "migrating",
  "to_create",
  "creating",
  "to_delete",
  "deleting",
] as const;
export type LbStatus = (typeof LB_STATUSES)[number];

export const INSTANCE_STATUSES = [
  "unknown",
  "ready",
  "pending",
  "stopped",
  "error",
  "locked",
  "migrating",
] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

export const SSL_COMPATIBILITY_LEVELS = [
  "ssl_compatibility_level_unknown",
  "ssl_compatibility_level_intermediate",
  "ssl_compatibility_level_modern",
  "ssl_compatibility_level_old",
] as const;
export type SslCompatibilityLevel = (typeof SSL_COMPATIBILITY_LEVELS)[number];

/** One machine behind an LB. */
export interface Instance {
  id: string;
  status: InstanceStatus;
  ipAddress: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  region: string;
  zone: string;
}

export interface Lb {
  id: string;
  name: string;
  description: string;
  status: LbStatus;
  /** Do not rely on this inside embedded LBs: the API sometimes sends `[]` there. */
  instances: Instance[];
  organizationId: string;
  projectId: string;
  /** Attached flexible IPs (`[]` for a private LB). */
  ip: Ip[];
  tags: string[];
  frontendCount: number;
  backendCount: number;
  routeCount: number;
  privateNetworkCount: number;
  /** Offer type, lower-cased by the API (`lb-s`). */
  type: string;
  subscriber: Subscriber | null;
  sslCompatibilityLevel: SslCompatibilityLevel;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  region: string;
  zone: string;
}

export interface CreateLbRequest extends ZonedRequest, ProjectScoped {
  name: string;
  /** @default "" */
  description?: string;
  /** Deprecated: one existing flexible IP to attach. */
  ipId?: string | null;
  /** Allocate a new IPv4. */
  assignFlexibleIp?: boolean | null;
  /** Allocate a new IPv6. */
  assignFlexibleIpv6?: boolean | null;
  /** Existing flexible IPs to attach. */
  ipIds?: string[];
  tags?: string[];
  /** Offer type, case-insensitive (`LB-S`). */
  type?: string;
  sslCompatibilityLevel?: SslCompatibilityLevel;
}

export interface GetLbRequest extends ZonedRequest {
  lbId: string;
}

/** PUT: the whole editable subset is replaced. */
export interface UpdateLbRequest extends ZonedRequest {
  lbId: string;
  name: string;
  description: string;
  tags?: string[];
  sslCompatibilityLevel?: SslCompatibilityLevel;
}

export interface DeleteLbRequest extends ZonedRequest {
  lbId: string;
  /** Also delete the LB's flexible IPs (else they are kept, detached). */
  releaseIp: boolean;
}

export interface MigrateLbRequest extends ZonedRequest {
  lbId: string;
  /** Target offer type. */
  type: string;
}

export type ListLbsRequestOrderBy = "created_at_asc" | "created_at_desc" | "name_asc" | "name_desc";

export interface ListLbsRequest extends ZonedRequest, PageRequest {
  /** Substring match. */
  name?: string;
  orderBy?: ListLbsRequestOrderBy;
  organizationId?: string;
  projectId?: string;
  /** Any of these tags. */
  tags?: string[];
  lbIds?: string[];
}

export interface ListLbsResponse {
  lbs: Lb[];
  totalCount: number;
}
