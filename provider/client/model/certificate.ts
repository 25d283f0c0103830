import type { PageRequest, Timestamp, ZonedRequest } from "./common";
import type { Lb } from "./lb";

/** The API's legacy spelling `letsencryt` is read as `letsencrypt`. */
export type CertificateType = "letsencrypt" | "custom";

export const CERTIFICATE_STATUSES = ["pending", "ready", "error"] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export interface Certificate {
  type: CertificateType;
  id: string;
  commonName: string;
  subjectAlternativeName: string[];
  /** SHA-1 hex; `""` until a Let's Encrypt certificate is issued. */
  fingerprint: string;
  /** `null` while pending (the API sends Go's zero time). */
  notValidBefore: Timestamp;
  notValidAfter: Timestamp;
  status: CertificateStatus;
  lb: Lb;
  name: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** Why the certificate is in `error`, else `null`. */
  statusDetails: string | null;
}

export interface CreateCertificateLetsencryptConfig {
  commonName: string;
  subjectAlternativeName?: string[];
}

export interface CreateCertificateCustomConfig {
  /** PEM: the certificate chain and the private key. Secret. */
  certificateChain: string;
}

export interface CreateCertificateRequest extends ZonedRequest {
  lbId: string;
  name: string;
  /** Exactly one of `letsencrypt` / `customCertificate`. */
  letsencrypt?: CreateCertificateLetsencryptConfig;
  customCertificate?: CreateCertificateCustomConfig;
}

export interface GetCertificateRequest extends ZonedRequest {
  certificateId: string;
}

/** Only the name can change. */
export interface UpdateCertificateRequest extends ZonedRequest {
  certificateId: string;
  name: string;
}

export type DeleteCertificateRequest = GetCertificateRequest;

export type ListCertificatesRequestOrderBy = "created_at_asc" | "created_at_desc" | "name_asc" | "name_desc";

export interface ListCertificatesRequest extends ZonedRequest, PageRequest {
  lbId: string;
  /** Substring match. */
  name?: string;
  orderBy?: ListCertificatesRequestOrderBy;
}

export interface ListCertificatesResponse {
  certificates: Certificate[];
  totalCount: number;
}
