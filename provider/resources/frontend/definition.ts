/** Frontend: a port a load balancer listens on, and the backend it forwards to. */
import { defineResource } from "../../core/infer";
import type { CheckFailure } from "../../core/property";
import { importIdInput, nameInput, parentIdInput, timestampOutputs, zoneInput } from "../common";

export const frontendDefinition = defineResource({
  kind: "Frontend",
  description:
    "A frontend: the port a load balancer listens on, its TLS certificates and the backend it forwards to. A replacement on the same load balancer and port deletes the old frontend first, since two frontends cannot share an inbound port; one onto another load balancer creates the new frontend first.",
  autoName: true,
  parent: "lbId",
  deleteBeforeReplace: { sharing: ["lbId", "inboundPort"] },
  inputs: {
    lbId: { ...parentIdInput("load balancer"), api: { from: "lb.id" } },
    zone: zoneInput,
    name: nameInput("frontend", "frontend"),
    backendId: {
      type: "string",
      format: "id",
      required: true,
      policy: { update: "frontend" },
      api: { from: "backend.id" },
      description: "The backend traffic goes to (`backend.id`), of the same load balancer. Changed in place.",
    },
    inboundPort: {
      type: "integer",
      minimum: 1,
      maximum: 65535,
      required: true,
      policy: { update: "frontend" },
      description: "Port the load balancer listens on (1-65535), unique per load balancer.",
    },
    timeoutClient: {
      type: "duration",
      minimum: 1,
      maximum: 24 * 3_600_000,
      default: 300_000,
      nullMeansDefault: true,
      policy: { update: "frontend" },
      description: "Maximum client inactivity before the connection is closed. Default: 5m.",
    },
    certificateIds: {
      type: "array",
      items: { type: "string", format: "id", description: "A Certificate id." },
      default: [],
      // emulator/handlers/frontends.ts: `certificate_ids` ≤ 50 items.
      maxItems: 50,
      policy: { update: "frontend" },
      description:
        "Certificates for TLS termination (`certificate.id`); the first is served when the client sends no matching SNI. Default: none (no TLS).",
    },
    enableHttp3: {
      type: "boolean",
      default: false,
      policy: { update: "frontend" },
      description: "Also serve HTTP/3 (QUIC); needs a certificate. Default: false.",
    },
    connectionRateLimit: {
      type: "integer",
      minimum: 0,
      maximum: 1_000_000,
      default: 0,
      policy: { update: "frontend" },
      // The API says "no limit" with null, which check writes as 0.
      api: { read: (v) => v ?? 0, write: (v) => (v === 0 ? null : v) },
      description: "Maximum new connections per second; 0 means no limit. Default: 0.",
    },
    enableAccessLogs: {
      type: "boolean",
      default: false,
      policy: { update: "frontend" },
      description: "Send access logs to Scaleway Cockpit. Default: false.",
    },
    importId: importIdInput,
  },
  outputs: {
    ...timestampOutputs,
  },
  validate: (inputs) => {
    const failures: CheckFailure[] = [];
    const certificates = inputs.certificateIds;
    if (inputs.enableHttp3 === true && Array.isArray(certificates) && certificates.length === 0) {
      failures.push({ property: "enableHttp3", reason: "needs at least one certificate in certificateIds" });
    }
    return failures;
  },
});
