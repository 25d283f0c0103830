import type { PageRequest, Timestamp, ZonedRequest } from "./common";
import type { Frontend } from "./frontend";

export const ACL_HTTP_FILTERS = [
  "acl_http_filter_none",
  "path_begin",
  "path_end",
  "regex",
  "http_header_match",
] as const;
export type AclHttpFilter = (typeof ACL_HTTP_FILTERS)[number];

export const ACL_ACTION_TYPES = ["allow", "deny", "redirect"] as const;
export type AclActionType = (typeof ACL_ACTION_TYPES)[number];

export const ACL_REDIRECT_TYPES = ["location", "scheme"] as const;
export type AclActionRedirectType = (typeof ACL_REDIRECT_TYPES)[number];

export interface AclMatch {
  /** Client IPs or CIDRs. */
  ipSubnet: string[];
  ipsEdgeServices: boolean;
  httpFilter: AclHttpFilter;
  httpFilterValue: string[];
  /** Header name for `http_header_match` (lower-cased by the API). */
  httpFilterOption: string | null;
  invert: boolean;
}

export interface AclActionRedirect {
  type: AclActionRedirectType;
  target: string;
  /** 301, 302, 303, 307 or 308. */
  code: number | null;
}

export interface AclAction {
  type: AclActionType;
  redirect: AclActionRedirect | null;
}

export interface Acl {
  id: string;
  name: string;
  match: AclMatch | null;
  action: AclAction;
  frontend: Frontend;
  /** Evaluation order, ascending. */
  index: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  description: string;
}

export interface AclMatchSpec {
  ipSubnet?: string[] | null;
  ipsEdgeServices?: boolean;
  httpFilter?: AclHttpFilter;
  httpFilterValue?: string[] | null;
  httpFilterOption?: string | null;
  invert?: boolean;
}

export interface AclActionSpec {
  type: AclActionType;
  redirect?: { type: AclActionRedirectType; target: string; code?: number | null } | null;
}

/** One ACL as sent on create, update and `setAcls`. */
export interface AclSpec {
  name: string;
  action: AclActionSpec;
  match?: AclMatchSpec | null;
  index: number;
  /** @default "" */
  description?: string;
}

export interface CreateAclRequest extends ZonedRequest, AclSpec {
  frontendId: string;
}

export interface GetAclRequest extends ZonedRequest {
  aclId: string;
}

export interface UpdateAclRequest extends ZonedRequest, AclSpec {
  aclId: string;
}

export type DeleteAclRequest = GetAclRequest;

export interface SetAclsRequest extends ZonedRequest {
  frontendId: string;
  /** Replaces every ACL of the frontend. */
  acls: AclSpec[];
}

export interface SetAclsResponse {
  acls: Acl[];
  totalCount: number;
}

export type ListAclRequestOrderBy = "created_at_asc" | "created_at_desc" | "name_asc" | "name_desc";

export interface ListAclsRequest extends ZonedRequest, PageRequest {
  frontendId: string;
  /** Substring match. */
  name?: string;
  orderBy?: ListAclRequestOrderBy;
}

export interface ListAclResponse {
  acls: Acl[];
  totalCount: number;
}
