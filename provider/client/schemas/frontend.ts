/** Frontends (reference §4.4). */
import { z } from "zod";
import type { Camelize } from "../casing";
import { BackendSchema } from "./backend";
import { CertificateSchema } from "./certificate";
import { duration, flag, list, millisOut, nullable, timestamp, withDefault } from "./common";
import { LbSchema } from "./lb";

export const FrontendSchema = z.object({
  id: z.string(),
  name: z.string(),
  inbound_port: z.number(),
  backend: BackendSchema,
  lb: LbSchema,
  timeout_client: duration,
  /** Deprecated: the first bound certificate, else `null`. */
  certificate: nullable(CertificateSchema),
  certificate_ids: list(z.string()),
  created_at: timestamp,
  updated_at: timestamp,
  enable_http3: flag(),
  /** New connections per second; `null` = unlimited (the API stores 0 as `null`). */
  connection_rate_limit: nullable(z.number()),
  enable_access_logs: flag(),
});
export type Frontend = Camelize<z.output<typeof FrontendSchema>>;

/** Fields of create and update (update is a full replacement of these). */
export const FrontendSettingsBody = z.object({
  name: z.string(),
  inbound_port: z.number(),
  backend_id: z.string(),
  timeout_client: millisOut,
  /** Deprecated: use `certificate_ids`. */
  certificate_id: z.string().nullish(),
  certificate_ids: z.array(z.string()).nullish(),
  enable_http3: withDefault(z.boolean(), false),
  connection_rate_limit: z.number().nullish(),
  enable_access_logs: withDefault(z.boolean(), false),
});
export type FrontendSettings = Camelize<z.input<typeof FrontendSettingsBody>>;
