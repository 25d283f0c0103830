/** `Frontend` (§3.6): embeds its backend (with LB), its LB and its first certificate. */
import type { FrontendRecord } from "../records";
import type { Store } from "../store";
import { renderBackend } from "./backend";
import { renderCertificate } from "./certificate";
import type { Embed } from "./embed";
import type { JsonObject } from "./json";
import { renderParentLb } from "./lb";

export function renderFrontend(store: Store, frontend: FrontendRecord, embed: Embed): JsonObject {
  const backend = store.backends.get(frontend.backendId);
  if (!backend) throw new Error(`emulator invariant: backend ${frontend.backendId} missing for a frontend`);
  const firstCertificateId = frontend.certificateIds[0];
  const certificate =
    firstCertificateId === undefined ? undefined : store.certificates.get(firstCertificateId);
  return {
    backend: renderBackend(store, backend, embed.backendLb),
    certificate: certificate ? renderCertificate(store, certificate, embed.certificateLb) : null,
    certificate_ids: [...frontend.certificateIds],
    connection_rate_limit: frontend.connectionRateLimit,
    created_at: frontend.createdAt,
    enable_access_logs: frontend.enableAccessLogs,
    enable_http3: frontend.enableHttp3,
    id: frontend.id,
    inbound_port: frontend.inboundPort,
    lb: renderParentLb(store, frontend.lbId, embed.lb),
    name: frontend.name,
    timeout_client: frontend.timeoutClient,
    updated_at: frontend.updatedAt,
  };
}
