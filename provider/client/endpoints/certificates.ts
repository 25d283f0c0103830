/** Certificates and the read-only catalog: LB offers, backend statistics (reference §2 #32, #39–44). */
import { deletion, endpoint, listing } from "../endpoint";
import { createdByName } from "../reconcile";
import {
  type BackendServerStats,
  type LbType,
  LbTypeSchema,
  ListBackendStatsQuery,
  ListBackendStatsResponseSchema,
  ListLbTypesQuery,
} from "../schemas/catalog";
import { CertificateSchema, CreateCertificateBody, UpdateCertificateBody } from "../schemas/certificate";
import { NameQuery } from "../schemas/common";

export const listCertificates = listing(
  "listCertificates",
  "/lbs/{lb_id}/certificates",
  NameQuery,
  "certificates",
  CertificateSchema,
);
export const getCertificate = endpoint("getCertificate", "GET /certificates/{certificate_id}", {
  response: CertificateSchema,
});
/** A lost answer is resolved by name within the LB (README). */
export const createCertificate = endpoint("createCertificate", "POST /lbs/{lb_id}/certificates", {
  body: CreateCertificateBody,
  response: CertificateSchema,
  subject: ({ name, lbId, zone }) => `certificate "${name}" on LB ${lbId} in zone ${zone}`,
  reconcile: (a) => createdByName(a, listCertificates, { zone: a.zone, lbId: a.req.lbId, name: a.req.name }),
});
/** Only the name can change. */
export const updateCertificate = endpoint("updateCertificate", "PUT /certificates/{certificate_id}", {
  body: UpdateCertificateBody,
  response: CertificateSchema,
});
export const deleteCertificate = deletion("deleteCertificate", "/certificates/{certificate_id}");

export const listLbTypes = listing(
  "listLbTypes",
  "/lb-types",
  ListLbTypesQuery,
  "lb_types",
  LbTypeSchema,
  (type: LbType) => type.name,
);
export const listBackendStats = endpoint("listBackendStats", "GET /lbs/{lb_id}/backend-stats", {
  query: ListBackendStatsQuery,
  response: ListBackendStatsResponseSchema,
  items: "backend_servers_stats",
  itemKey: (row: BackendServerStats) => `${row.instanceId}/${row.backendId}/${row.ip}`,
});
