/** Parsing real answers (recorded cassettes) into camelCase, and the tolerance rules (§1.7). */
import type { z } from "zod";
import { camelize } from "../../provider/client/casing";
import { AclSchema } from "../../provider/client/schemas/acl";
import { BackendSchema, HealthCheckSchema } from "../../provider/client/schemas/backend";
import { ListBackendStatsResponseSchema } from "../../provider/client/schemas/catalog";
import { CertificateSchema } from "../../provider/client/schemas/certificate";
import { listOf } from "../../provider/client/schemas/common";
import { FrontendSchema } from "../../provider/client/schemas/frontend";
import { IpSchema } from "../../provider/client/schemas/ip";
import { LbSchema } from "../../provider/client/schemas/lb";
import { PrivateNetworkSchema } from "../../provider/client/schemas/private-network";
import { RouteSchema } from "../../provider/client/schemas/route";
import { SubscriberSchema } from "../../provider/client/schemas/subscriber";
import { recorded, recordedObject } from "./support/fixtures";

/** What the client does with an answer: its snake_case schema, then the derived renaming. */
const answer = <S extends z.ZodType>(schema: S) => schema.transform((parsed) => camelize(parsed));
const AclAnswer = answer(AclSchema);
const BackendAnswer = answer(BackendSchema);
const HealthCheckAnswer = answer(HealthCheckSchema);
const ListBackendsAnswer = answer(listOf("backends", BackendSchema));
const CertificateAnswer = answer(CertificateSchema);
const FrontendAnswer = answer(FrontendSchema);
const IpAnswer = answer(IpSchema);
const ListIpsAnswer = answer(listOf("ips", IpSchema));
const LbAnswer = answer(LbSchema);
const ListLbPrivateNetworksAnswer = answer(listOf("private_network", PrivateNetworkSchema));
const PrivateNetworkAnswer = answer(PrivateNetworkSchema);
const RouteAnswer = answer(RouteSchema);
const ListBackendStatsAnswer = answer(ListBackendStatsResponseSchema);
const SubscriberAnswer = answer(SubscriberSchema);

function hasSnakeKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasSnakeKey);
  if (typeof value !== "object" || value === null) return false;
  return Object.entries(value).some(([key, inner]) => key.includes("_") || hasSnakeKey(inner));
}

function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.some(hasUndefined);
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).some(hasUndefined);
}

describe("recorded answers parse into camelCase objects", () => {
  it.each([
    ["lb-create", LbAnswer],
    ["lb-ready", LbAnswer],
    ["lb-creating", LbAnswer],
    ["lb-migrate", LbAnswer],
    ["ip-patch", IpAnswer],
    ["ip-create-v6", IpAnswer],
    ["ips-list", ListIpsAnswer],
    ["backend-create", BackendAnswer],
    ["backend-update", BackendAnswer],
    ["backend-https-hc", BackendAnswer],
    ["healthcheck-update", HealthCheckAnswer],
    ["backends-list", ListBackendsAnswer],
    ["frontend-create-cert", FrontendAnswer],
    ["frontend-update", FrontendAnswer],
    ["route-create-sni", RouteAnswer],
    ["route-create-path", RouteAnswer],
    ["acl-redirect", AclAnswer],
    ["acl-edge", AclAnswer],
    ["cert-create-le", CertificateAnswer],
    ["cert-ready-le", CertificateAnswer],
    ["pn-attach", PrivateNetworkAnswer],
    ["pn-list", ListLbPrivateNetworksAnswer],
  ] as const)("%s", (name, schema) => {
    const parsed = schema.safeParse(recorded(name));
    expect(parsed.error).toBeUndefined();
    expect(hasSnakeKey(parsed.data)).toBe(false);
    expect(hasUndefined(parsed.data)).toBe(false);
    expect(JSON.parse(JSON.stringify(parsed.data))).toEqual(parsed.data);
  });
});

describe("load balancer", () => {
  it("maps fields, statuses and embedded IPs", () => {
    const lb = LbAnswer.parse(recorded("lb-create"));
    expect(lb).toMatchObject({
      name: "test-lb-basic",
      status: "to_create",
      type: "lb-s",
      instances: [],
      subscriber: null,
      sslCompatibilityLevel: "ssl_compatibility_level_intermediate",
      frontendCount: 0,
      routeCount: 0,
      privateNetworkCount: 0,
      region: "fr-par",
      zone: "fr-par-1",
    });
    expect(lb.ip[0]).toMatchObject({
      ipAddress: "212.47.249.158",
      lbId: lb.id,
      reverse: "212-47-249-158.lb.fr-par.scw.cloud",
    });
    expect(lb.createdAt).toBe("2026-07-21T10:19:01.839885150Z");
  });

  it("ignores fields the API may add later", () => {
    const body = recordedObject("lb-ready");
    body.brand_new_field = { anything: [1, 2, 3] };
    const lb = LbAnswer.parse(body);
    expect(Object.keys(lb)).not.toContain("brand_new_field");
    expect(Object.keys(lb)).not.toContain("brandNewField");
  });

  it("reads a status it does not know as unknown instead of failing", () => {
    const body = recordedObject("lb-ready");
    body.status = "hibernating";
    expect(LbAnswer.parse(body).status).toBe("unknown");
  });

  it("reads null lists as []", () => {
    const body = recordedObject("lb-ready");
    body.tags = null;
    body.instances = null;
    body.ip = null;
    expect(LbAnswer.parse(body)).toMatchObject({ tags: [], instances: [], ip: [] });
  });
});

describe("backend and health check", () => {
  it("exposes every duration in milliseconds, from both wire encodings", () => {
    const backend = BackendAnswer.parse(recorded("backend-create"));
    expect(backend.healthCheck).toEqual({
      port: 80,
      checkDelay: 60000,
      checkTimeout: 30000,
      checkMaxRetries: 2,
      checkSendProxy: false,
      transientCheckDelay: 500,
      tcpConfig: {},
    });
    expect(backend).toMatchObject({
      timeoutServer: 300000,
      timeoutConnect: 5000,
      timeoutTunnel: 900000,
      timeoutQueue: 0,
      pool: ["51.15.199.75"],
      failoverHost: null,
      maxConnections: null,
      ignoreSslServerVerify: null,
      sslBridging: false,
      maxRetries: 3,
      host: "",
    });
    expect(backend.lb.id).toBe("722a7d63-7c98-4a4a-ae7c-b9479dae5d7f");
  });

  it("keeps null durations null and accepts numeric strings for ms fields", () => {
    const body = recordedObject("backend-create");
    body.timeout_server = null;
    body.timeout_queue = null;
    body.timeout_connect = "5000";
    const health = recordedObject("healthcheck-update");
    health.transient_check_delay = null;
    health.check_delay = "3000";
    body.health_check = health;
    const backend = BackendAnswer.parse(body);
    expect(backend.timeoutServer).toBeNull();
    expect(backend.timeoutQueue).toBeNull();
    expect(backend.timeoutConnect).toBe(5000);
    expect(backend.healthCheck.transientCheckDelay).toBeNull();
    expect(backend.healthCheck.checkDelay).toBe(3000);
  });

  it("tolerates missing late fields (host, ignore_ssl_server_verify) as null", () => {
    const body = recordedObject("backend-create");
    delete body.host;
    delete body.ignore_ssl_server_verify;
    expect(BackendAnswer.parse(body)).toMatchObject({ host: null, ignoreSslServerVerify: null });
  });

  it("keeps only the one-of member that is set, reading null members as absent", () => {
    const hc = HealthCheckAnswer.parse({
      port: 443,
      check_delay: 3000,
      check_timeout: 1000,
      check_max_retries: 3,
      check_send_proxy: false,
      transient_check_delay: "0.500s",
      tcp_config: null,
      https_config: {
        uri: "/health",
        method: "GET",
        code: 200,
        host_header: "example.com",
        sni: "example.com",
      },
    });
    expect(hc.tcpConfig).toBeUndefined();
    expect("tcpConfig" in hc).toBe(false);
    expect(hc.httpsConfig).toEqual({
      uri: "/health",
      method: "GET",
      code: 200,
      hostHeader: "example.com",
      sni: "example.com",
    });
  });

  it("reads the recorded HTTPS health check", () => {
    const backend = BackendAnswer.parse(recorded("backend-https-hc"));
    expect(backend.healthCheck.httpsConfig).toBeDefined();
    expect(backend.healthCheck.tcpConfig).toBeUndefined();
  });

  it("rejects an unreadable duration", () => {
    const body = recordedObject("healthcheck-update");
    body.transient_check_delay = "half a second";
    expect(HealthCheckAnswer.safeParse(body).success).toBe(false);
  });
});

describe("frontend, route, ACL", () => {
  it("reads a frontend with its embedded certificate; connection_rate_limit null stays null", () => {
    const frontend = FrontendAnswer.parse(recorded("frontend-create-cert"));
    expect(frontend.certificate?.type).toBe("letsencrypt");
    expect(frontend.certificateIds).toEqual([frontend.certificate?.id]);
    expect(frontend.connectionRateLimit).toBeNull();
    expect(frontend.timeoutClient).toBeNull();
    expect(frontend.backend.lb.id).toBe(frontend.lb.id);
  });

  it("reads only the route match member that is present", () => {
    expect(RouteAnswer.parse(recorded("route-create-sni")).match).toEqual({
      sni: "sni.scaleway.com",
      matchSubdomains: false,
    });
    const path = RouteAnswer.parse(recorded("route-create-path")).match;
    expect(path.pathBegin).toBeDefined();
    expect(path.sni).toBeUndefined();
  });

  it("reads ACL actions with and without redirect", () => {
    const acl = AclAnswer.parse(recorded("acl-redirect"));
    expect(acl.action).toEqual({
      type: "redirect",
      redirect: { type: "location", target: "https://example.com", code: 307 },
    });
    expect(acl.match).toMatchObject({
      httpFilter: "path_begin",
      httpFilterValue: ["foo", "bar"],
      httpFilterOption: null,
    });
    const edge = AclAnswer.parse(recorded("acl-edge"));
    expect(edge.match?.ipsEdgeServices).toBe(true);
    expect(edge.action.redirect).toBeNull();
  });

  it("reads http_filter_value null as []", () => {
    const body = recordedObject("acl-edge");
    const match = {
      ip_subnet: null,
      ips_edge_services: true,
      http_filter: "acl_http_filter_none",
      http_filter_value: null,
      http_filter_option: null,
      invert: false,
    };
    body.match = match;
    expect(AclAnswer.parse(body).match).toMatchObject({ ipSubnet: [], httpFilterValue: [] });
  });
});

describe("certificate", () => {
  it("reads the legacy letsencryt spelling as letsencrypt", () => {
    const body = recordedObject("cert-ready-le");
    body.type = "letsencryt";
    expect(CertificateAnswer.parse(body).type).toBe("letsencrypt");
  });

  it("reads Go's zero time of a pending certificate as null", () => {
    const cert = CertificateAnswer.parse(recorded("cert-create-le"));
    expect(cert).toMatchObject({
      status: "pending",
      fingerprint: "",
      notValidBefore: null,
      notValidAfter: null,
      statusDetails: null,
    });
  });

  it("reads status_details of a failed certificate", () => {
    const body = recordedObject("cert-create-le");
    body.status = "error";
    body.status_details = "dns challenge failed";
    expect(CertificateAnswer.parse(body)).toMatchObject({
      status: "error",
      statusDetails: "dns challenge failed",
    });
  });

  it("refuses an unknown certificate type", () => {
    const body = recordedObject("cert-ready-le");
    body.type = "selfsigned";
    expect(CertificateAnswer.safeParse(body).success).toBe(false);
  });
});

describe("private networks, subscribers, stats", () => {
  it("reads the singular private_network list key and the dhcp one-of", () => {
    const list = ListLbPrivateNetworksAnswer.parse(recorded("pn-list"));
    expect(list.totalCount).toBe(1);
    expect(list.privateNetwork[0]).toMatchObject({
      privateNetworkId: "925eac0c-4b14-4c81-b800-b83418e63593",
      dhcpConfig: { ipId: "6f37ce50-98f4-4a8f-84ae-ef1e1b2f06bf" },
      ipamIds: ["6f37ce50-98f4-4a8f-84ae-ef1e1b2f06bf"],
    });
    expect(list.privateNetwork[0]?.staticConfig).toBeUndefined();
  });

  it("reads a subscriber with only its set config", () => {
    expect(
      SubscriberAnswer.parse({ id: "s", name: "test-sub", email_config: { email: "foo@bar.com" } }),
    ).toEqual({
      id: "s",
      name: "test-sub",
      emailConfig: { email: "foo@bar.com" },
    });
  });

  it("reads backend stats, total_count optional", () => {
    const stats = ListBackendStatsAnswer.parse({
      backend_servers_stats: [
        {
          instance_id: "i",
          backend_id: "b",
          ip: "10.0.0.1",
          server_state: "running",
          server_state_changed_at: "2025-01-30T15:47:21Z",
          last_health_check_status: "passed",
        },
      ],
    });
    expect(stats).toEqual({
      backendServersStats: [
        {
          instanceId: "i",
          backendId: "b",
          ip: "10.0.0.1",
          serverState: "running",
          serverStateChangedAt: "2025-01-30T15:47:21Z",
          lastHealthCheckStatus: "passed",
        },
      ],
      totalCount: 1,
    });
  });

  it("reads IP lists with total_count beyond the page", () => {
    const list = ListIpsAnswer.parse(recorded("ips-list"));
    expect(list.totalCount).toBeGreaterThanOrEqual(list.ips.length);
  });
});
