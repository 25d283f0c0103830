/** Certificate wire schemas and marshalling. */
import { z } from "zod";
import { type JsonObject, jsonObject } from "../json";
import {
  CERTIFICATE_STATUSES,
  type Certificate,
  type CertificateType,
  type CreateCertificateRequest,
  type ListCertificatesResponse,
} from "../model/certificate";
import { list, nullable, text, timestamp } from "./common";
import { LbWire } from "./lb";

/** Both spellings the API has used; the legacy `letsencryt` reads as `letsencrypt`. */
export const CertificateTypeWire = z
  .enum(["letsencrypt", "letsencryt", "custom"])
  .transform((t): CertificateType => (t === "custom" ? "custom" : "letsencrypt"));

export const CertificateWire = z
  .looseObject({
    type: CertificateTypeWire,
    id: z.string(),
    common_name: text(),
    subject_alternative_name: list(z.string()),
    fingerprint: text(),
    not_valid_before: timestamp,
    not_valid_after: timestamp,
    status: z.enum(CERTIFICATE_STATUSES),
    lb: LbWire,
    name: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    status_details: nullable(z.string()),
  })
  .transform(
    (w): Certificate => ({
      type: w.type,
      id: w.id,
      commonName: w.common_name,
      subjectAlternativeName: w.subject_alternative_name,
      fingerprint: w.fingerprint,
      notValidBefore: w.not_valid_before,
      notValidAfter: w.not_valid_after,
      status: w.status,
      lb: w.lb,
      name: w.name,
      createdAt: w.created_at,
      updatedAt: w.updated_at,
      statusDetails: w.status_details,
    }),
  );

export const ListCertificatesResponseWire = z
  .looseObject({ certificates: list(CertificateWire), total_count: z.number() })
  .transform((w): ListCertificatesResponse => ({ certificates: w.certificates, totalCount: w.total_count }));

export function marshalCreateCertificate(req: CreateCertificateRequest): JsonObject {
  const le = req.letsencrypt;
  return jsonObject({
    name: req.name,
    letsencrypt: le
      ? { common_name: le.commonName, subject_alternative_name: le.subjectAlternativeName ?? [] }
      : undefined,
    custom_certificate: req.customCertificate
      ? { certificate_chain: req.customCertificate.certificateChain }
      : undefined,
  });
}
