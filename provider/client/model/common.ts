/** Shapes shared by every request and list. */

/** Every request may name its zone; the client's zone is the default. */
export interface ZonedRequest {
  /** e.g. `fr-par-1`. @default the client's zone */
  zone?: string;
}

export interface PageRequest {
  /** 1-based page number. @default 1 */
  page?: number;
  /** Items per page (the API's maximum is assumed to be 100). @default 20 (server side) */
  pageSize?: number;
}

/** Creates of LBs, IPs and subscribers belong to a project (or, deprecated, an organization). */
export interface ProjectScoped {
  /** @default the client's project (config `projectId`) */
  projectId?: string;
  /** Deprecated alternative to `projectId`. */
  organizationId?: string;
}

/** RFC 3339 text as sent by the API (nanosecond precision kept); `null` when unset. */
export type Timestamp = string | null;

/** A duration in milliseconds. */
export type Milliseconds = number;
