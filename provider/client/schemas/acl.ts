/** ACLs (reference §4.6). */
import { z } from "zod";
import type { Camelize } from "../casing";
import { flag, list, nullable, text, timestamp, withDefault } from "./common";
import { FrontendSchema } from "./frontend";

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

export const AclMatchSchema = z.object({
  /** Client IPs or CIDRs. */
  ip_subnet: list(z.string()),
  ips_edge_services: flag(),
  http_filter: withDefault(z.enum(ACL_HTTP_FILTERS), "acl_http_filter_none"),
  http_filter_value: list(z.string()),
  /** Header name for `http_header_match` (lower-cased by the API). */
  http_filter_option: nullable(z.string()),
  invert: flag(),
});
export type AclMatch = Camelize<z.output<typeof AclMatchSchema>>;

export const AclActionSchema = z.object({
  type: z.enum(ACL_ACTION_TYPES),
  /** `code`: 301, 302, 303, 307 or 308. */
  redirect: nullable(
    z.object({ type: z.enum(ACL_REDIRECT_TYPES), target: text(), code: nullable(z.number()) }),
  ),
});
export type AclAction = Camelize<z.output<typeof AclActionSchema>>;
export type AclActionRedirect = NonNullable<AclAction["redirect"]>;

export const AclSchema = z.object({
  id: z.string(),
  name: z.string(),
  match: nullable(AclMatchSchema),
  action: AclActionSchema,
  frontend: FrontendSchema,
  /** Evaluation order, ascending. */
  index: z.number(),
  created_at: timestamp,
  updated_at: timestamp,
  description: text(),
});
export type Acl = Camelize<z.output<typeof AclSchema>>;

/** `setAcls` answers every ACL; older answers had no `total_count`. */
export const SetAclsResponseSchema = z
  .object({ acls: list(AclSchema), total_count: z.number().nullish() })
  .transform((w) => ({ acls: w.acls, total_count: w.total_count ?? w.acls.length }));

const AclMatchBody = z.object({
  ip_subnet: z.array(z.string()).nullish(),
  ips_edge_services: z.boolean().optional(),
  http_filter: z.enum(ACL_HTTP_FILTERS).optional(),
  http_filter_value: z.array(z.string()).nullish(),
  http_filter_option: z.string().nullish(),
  invert: z.boolean().optional(),
});
export type AclMatchSpec = Camelize<z.input<typeof AclMatchBody>>;

const AclActionBody = z.object({
  type: z.enum(ACL_ACTION_TYPES),
  redirect: z
    .object({ type: z.enum(ACL_REDIRECT_TYPES), target: z.string(), code: z.number().nullish() })
    .nullish(),
});
export type AclActionSpec = Camelize<z.input<typeof AclActionBody>>;

/** One ACL as sent on create, update and `setAcls`. */
export const AclBody = z.object({
  name: z.string(),
  action: AclActionBody,
  match: AclMatchBody.nullish(),
  index: z.number(),
  description: withDefault(z.string(), ""),
});
export type AclSpec = Camelize<z.input<typeof AclBody>>;

/** Replaces every ACL of the frontend. */
export const SetAclsBody = z.object({ acls: z.array(AclBody) });
