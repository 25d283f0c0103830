/** Certificates and the read-only catalog: LB offers, backend statistics (reference §2 #32, #39–44). */
import { endpoint } from "../endpoint";
import { createdAtLowerBound, createdSince, pickCreated } from "../reconcile";
import {
  type BackendServerStats,
  type LbType,
  LbTypeSchema,
  ListBackendStatsQuery,
  ListBackendStatsResponseSchema,
  ListLbTypesQuery,
} from "../schemas/catalog";
import {
  CertificateSchema,
  CreateCertificateBody,
  ListCertificatesQuery,
  UpdateCertificateBody,
} from "../schemas/certificate";
import { listOf, noContent } from "../schemas/common";

export const listCertificates = endpoint({
  name: "listCertificates",
  method: "GET",
  path: "/lbs/{lb_id}/certificates",
  query: ListCertificatesQuery,
  response: listOf("certificates", CertificateSchema),
  items: "certificates",
  safety: "read",
});

export const getCertificate = endpoint({
  name: "getCertificate",
  method: "GET",
  path: "/certificates/{certificate_id}",
  response: CertificateSchema,
  safety: "read",
});

/** A lost answer is resolved by name within the LB (README). */
export const createCertificate = endpoint({
  name: "createCertificate",
  method: "POST",
  path: "/lbs/{lb_id}/certificates",
  body: CreateCertificateBody,
  response: CertificateSchema,
  safety: "non_idempotent",
  subject: ({ name, lbId, zone }) => `certificate "${name}" on LB ${lbId} in zone ${zone}`,
  reconcile:
    ({ ctx, req: { name, lbId }, zone, startedAt, listAll }) =>
    async (inner) => {
      const bound = createdAtLowerBound(ctx, startedAt);
      const mine = (await listAll(listCertificates, { zone, lbId, name }, inner)).filter(
        (c) => c.name === name && createdSince(c.createdAt, bound),
      );
      return pickCreated("createCertificate", `certificate "${name}" on LB ${lbId} in zone ${zone}`, mine);
    },
});

/** Only the name can change. */
export const updateCertificate = endpoint({
  name: "updateCertificate",
  method: "PUT",
  path: "/certificates/{certificate_id}",
  body: UpdateCertificateBody,
  response: CertificateSchema,
  safety: "idempotent",
});

export const deleteCertificate = endpoint({
  name: "deleteCertificate",
  method: "DELETE",
  path: "/certificates/{certificate_id}",
  response: noContent,
  safety: "idempotent",
  notFoundMeansDone: true,
});

export const listLbTypes = endpoint({
  name: "listLbTypes",
  method: "GET",
  path: "/lb-types",
  query: ListLbTypesQuery,
  response: listOf("lb_types", LbTypeSchema),
  items: "lb_types",
  itemKey: (type: LbType) => type.name,
  safety: "read",
});

export const listBackendStats = endpoint({
  name: "listBackendStats",
  method: "GET",
  path: "/lbs/{lb_id}/backend-stats",
  query: ListBackendStatsQuery,
  response: ListBackendStatsResponseSchema,
  items: "backend_servers_stats",
  itemKey: (row: BackendServerStats) => `${row.instanceId}/${row.backendId}/${row.ip}`,
  safety: "read",
});
