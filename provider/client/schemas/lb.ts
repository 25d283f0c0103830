/** Load balancers and their instances (reference §4.1). */
import { z } from "zod";
import type { Camelize } from "../casing";
import {
  list,
  nameQuery,
  nullable,
  openEnum,
  projectBody,
  projectQuery,
  text,
  timestamp,
  withDefault,
} from "./common";
import { IpSchema } from "./ip";
import { SubscriberSchema } from "./subscriber";

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
/** An LB goes through the states of its instances, and its own creation and deletion. */
export const LB_STATUSES = [...INSTANCE_STATUSES, "to_create", "creating", "to_delete", "deleting"] as const;
export type LbStatus = (typeof LB_STATUSES)[number];

export const SSL_COMPATIBILITY_LEVELS = [
  "ssl_compatibility_level_unknown",
  "ssl_compatibility_level_intermediate",
  "ssl_compatibility_level_modern",
  "ssl_compatibility_level_old",
] as const;

/** One machine behind an LB. */
export const InstanceSchema = z.object({
  id: z.string(),
  status: openEnum(INSTANCE_STATUSES, "unknown"),
  ip_address: text(),
  created_at: timestamp,
  updated_at: timestamp,
  region: text(),
  zone: text(),
});
export type Instance = Camelize<z.output<typeof InstanceSchema>>;

export const LbSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: text(),
  status: openEnum(LB_STATUSES, "unknown"),
  /** Do not rely on this inside embedded LBs: the API sometimes sends `[]` there. */
  instances: list(InstanceSchema),
  organization_id: z.string(),
  project_id: z.string(),
  /** Attached flexible IPs (`[]` for a private LB). */
  ip: list(IpSchema),
  tags: list(z.string()),
  frontend_count: z.number(),
  backend_count: z.number(),
  route_count: withDefault(z.number(), 0),
  private_network_count: withDefault(z.number(), 0),
  /** Offer type, lower-cased by the API (`lb-s`). */
  type: z.string(),
  subscriber: nullable(SubscriberSchema),
  ssl_compatibility_level: openEnum(SSL_COMPATIBILITY_LEVELS, "ssl_compatibility_level_unknown"),
  created_at: timestamp,
  updated_at: timestamp,
  region: text(),
  zone: z.string(),
});
export type Lb = Camelize<z.output<typeof LbSchema>>;

export const ListLbsQuery = z.object({
  ...nameQuery,
  ...projectQuery,
  /** Any of these tags. */
  tags: z.array(z.string()).optional(),
  lb_ids: z.array(z.string()).optional(),
});

export const CreateLbBody = z.object({
  ...projectBody,
  name: z.string(),
  description: withDefault(z.string(), ""),
  /** Deprecated: one existing flexible IP to attach. */
  ip_id: z.string().nullish(),
  /** Allocate a new IPv4. */
  assign_flexible_ip: z.boolean().nullish(),
  /** Allocate a new IPv6. */
  assign_flexible_ipv6: z.boolean().nullish(),
  /** Existing flexible IPs to attach. */
  ip_ids: withDefault(z.array(z.string()), []),
  tags: withDefault(z.array(z.string()), []),
  /** Offer type, case-insensitive (`LB-S`). */
  type: z.string().optional(),
  ssl_compatibility_level: z.enum(SSL_COMPATIBILITY_LEVELS).optional(),
});

/** PUT: the whole editable subset is replaced. */
export const UpdateLbBody = z.object({
  name: z.string(),
  description: z.string(),
  tags: withDefault(z.array(z.string()), []),
  ssl_compatibility_level: z.enum(SSL_COMPATIBILITY_LEVELS).optional(),
});

/** Also delete the LB's flexible IPs (else they are kept, detached). */
export const DeleteLbQuery = z.object({ release_ip: z.boolean() });
/** Target offer type. */
export const MigrateLbBody = z.object({ type: z.string() });
