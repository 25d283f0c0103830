/** Certificates (reference §4.7). */
import { z } from "zod";
import type { Camelize } from "../casing";
import { list, nullable, text, timestamp, withDefault } from "./common";
import { LbSchema } from "./lb";

/** Both spellings the API has used; the legacy `letsencryt` reads as `letsencrypt`. */
export const CertificateTypeSchema = z
  .enum(["letsencrypt", "letsencryt", "custom"])
  .transform((t) => (t === "custom" ? "custom" : "letsencrypt"));
export type CertificateType = z.output<typeof CertificateTypeSchema>;

export const CERTIFICATE_STATUSES = ["pending", "ready", "error"] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export const CertificateSchema = z.object({
  type: CertificateTypeSchema,
  id: z.string(),
  common_name: text(),
  subject_alternative_name: list(z.string()),
  /** SHA-1 hex; `""` until a Let's Encrypt certificate is issued. */
  fingerprint: text(),
  /** `null` while pending (the API sends Go's zero time). */
  not_valid_before: timestamp,
  not_valid_after: timestamp,
  status: z.enum(CERTIFICATE_STATUSES),
  lb: LbSchema,
  name: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  /** Why the certificate is in `error`, else `null`. */
  status_details: nullable(z.string()),
});
export type Certificate = Camelize<z.output<typeof CertificateSchema>>;

const LetsencryptBody = z.object({
  common_name: z.string(),
  subject_alternative_name: withDefault(z.array(z.string()), []),
});
/** PEM: the certificate chain and the private key. Secret. */
const CustomCertificateBody = z.object({ certificate_chain: z.string() });
/** Exactly one of `letsencrypt` / `custom_certificate`. */
export const CreateCertificateBody = z.object({
  name: z.string(),
  letsencrypt: LetsencryptBody.optional(),
  custom_certificate: CustomCertificateBody.optional(),
});
export type CreateCertificateLetsencryptConfig = Camelize<z.input<typeof LetsencryptBody>>;
export type CreateCertificateCustomConfig = Camelize<z.input<typeof CustomCertificateBody>>;

/** Only the name can change. */
export const UpdateCertificateBody = z.object({ name: z.string() });
