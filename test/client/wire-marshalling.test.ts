/** camelCase requests -> snake_case bodies, with durations in each field's wire encoding. */
import type { AnyEndpoint, ApiContext, RequestOf } from "../../provider/client/endpoint";
import { endpoint } from "../../provider/client/endpoint";
import { ENDPOINTS } from "../../provider/client/endpoints";
import { createMethods, wireRequest } from "../../provider/client/executor";
import { LbSchema } from "../../provider/client/schemas/lb";
import { createServerClock } from "../../provider/client/server-clock";

const ctx: ApiContext = {
  zone: "fr-par-1",
  projectId: null,
  organizationId: null,
  clock: { now: () => 0, sleep: async () => {} },
  serverClock: createServerClock(),
};
const bodyOf = <E extends AnyEndpoint>(row: E, req: RequestOf<E>) => wireRequest(ctx, row, req).body;
const {
  createAcl,
  createBackend,
  createCertificate,
  createIp,
  createLb,
  createRoute,
  createSubscriber,
  attachPrivateNetwork,
  updateBackend,
  updateFrontend,
  updateHealthCheck,
  updateIp,
  updateLb,
} = ENDPOINTS;

describe("backend bodies", () => {
  it("matches the recorded Terraform create body, durations in both encodings", () => {
    const body = bodyOf(createBackend, {
      lbId: "lb",
      name: "bkd01",
      forwardProtocol: "tcp",
      forwardPort: 80,
      forwardPortAlgorithm: "roundrobin",
      stickySessions: "none",
      stickySessionsCookieName: "",
      healthCheck: {
        port: 80,
        checkMaxRetries: 2,
        checkSendProxy: false,
        transientCheckDelay: 500,
        checkDelay: 60000,
        checkTimeout: 30000,
      },
      serverIp: ["51.15.199.75"],
      onMarkedDownAction: "on_marked_down_action_none",
      proxyProtocol: "proxy_protocol_none",
      maxRetries: 3,
      timeoutQueue: 0,
      timeoutServer: 300000,
      timeoutConnect: 5000,
      timeoutTunnel: 900000,
    });
    expect(body).toEqual({
      name: "bkd01",
      forward_protocol: "tcp",
      forward_port: 80,
      forward_port_algorithm: "roundrobin",
      sticky_sessions: "none",
      sticky_sessions_cookie_name: "",
      health_check: {
        port: 80,
        check_max_retries: 2,
        check_send_proxy: false,
        transient_check_delay: "0.500s",
        check_delay: 60000,
        check_timeout: 30000,
      },
      server_ip: ["51.15.199.75"],
      on_marked_down_action: "on_marked_down_action_none",
      proxy_protocol: "proxy_protocol_none",
      max_retries: 3,
      timeout_queue: "0s",
      timeout_server: 300000,
      timeout_connect: 5000,
      timeout_tunnel: 900000,
    });
  });

  it("sends null to clear a field and leaves out what was not given (full PUT is the caller's job)", () => {
    const body = bodyOf(updateBackend, {
      backendId: "b",
      name: "b",
      forwardProtocol: "http",
      forwardPort: 8080,
      forwardPortAlgorithm: "leastconn",
      stickySessions: "cookie",
      stickySessionsCookieName: "sid",
      failoverHost: null,
      timeoutServer: null,
      timeoutQueue: 4000,
    });
    expect(body).toEqual({
      name: "b",
      forward_protocol: "http",
      forward_port: 8080,
      forward_port_algorithm: "leastconn",
      sticky_sessions: "cookie",
      sticky_sessions_cookie_name: "sid",
      failover_host: null,
      timeout_server: null,
      timeout_queue: "4s",
    });
    expect(body).not.toHaveProperty("health_check");
    expect(body).not.toHaveProperty("server_ip");
  });

  it("writes exactly the health check member given, in snake_case", () => {
    expect(
      bodyOf(updateHealthCheck, {
        backendId: "b",
        port: 443,
        checkMaxRetries: 3,
        checkDelay: 1500.4,
        transientCheckDelay: 200,
        httpsConfig: { uri: "/health", method: "GET", code: null, hostHeader: "h.example", sni: "s.example" },
      }),
    ).toEqual({
      port: 443,
      check_max_retries: 3,
      check_send_proxy: false,
      check_delay: 1500,
      transient_check_delay: "0.200s",
      https_config: { uri: "/health", method: "GET", code: null, host_header: "h.example", sni: "s.example" },
    });
    expect(
      bodyOf(updateHealthCheck, { backendId: "b", port: 1, checkMaxRetries: 1, tcpConfig: {} }),
    ).toMatchObject({
      tcp_config: {},
    });
    expect(
      bodyOf(updateHealthCheck, { backendId: "b", port: 1, checkMaxRetries: 1, mysqlConfig: { user: "u" } }),
    ).toMatchObject({
      mysql_config: { user: "u" },
    });
  });
});

describe("other bodies", () => {
  it("LB create carries the project and defaults description/ip_ids/tags", () => {
    expect(bodyOf(createLb, { name: "lb", type: "LB-S", assignFlexibleIp: true, projectId: "p" })).toEqual({
      project_id: "p",
      name: "lb",
      description: "",
      assign_flexible_ip: true,
      ip_ids: [],
      tags: [],
      type: "LB-S",
    });
    expect(
      bodyOf(updateLb, {
        lbId: "x",
        name: "n",
        description: "d",
        sslCompatibilityLevel: "ssl_compatibility_level_modern",
      }),
    ).toEqual({
      name: "n",
      description: "d",
      tags: [],
      ssl_compatibility_level: "ssl_compatibility_level_modern",
    });
  });

  it("IP create and PATCH (only given fields)", () => {
    expect(bodyOf(createIp, { isIpv6: true, organizationId: "o" })).toEqual({
      organization_id: "o",
      is_ipv6: true,
      tags: [],
    });
    expect(bodyOf(updateIp, { ipId: "i", reverse: "r.example" })).toEqual({ reverse: "r.example" });
    expect(bodyOf(updateIp, { ipId: "i", lbId: null })).toEqual({ lb_id: null });
  });

  it("frontend timeout_client in ms, defaults for booleans", () => {
    expect(
      bodyOf(updateFrontend, {
        frontendId: "f",
        name: "f",
        inboundPort: 443,
        backendId: "b",
        timeoutClient: 30000,
        certificateIds: ["c"],
      }),
    ).toEqual({
      name: "f",
      inbound_port: 443,
      backend_id: "b",
      timeout_client: 30000,
      certificate_ids: ["c"],
      enable_http3: false,
      enable_access_logs: false,
    });
  });

  it("route match keeps only the member given", () => {
    expect(
      bodyOf(createRoute, { frontendId: "f", backendId: "b", match: { hostHeader: "h.example" } })?.match,
    ).toEqual({
      host_header: "h.example",
      match_subdomains: false,
    });
  });

  it("ACL spec with redirect and match", () => {
    expect(
      bodyOf(createAcl, {
        frontendId: "f",
        name: "a",
        index: 0,
        action: {
          type: "redirect",
          redirect: { type: "location", target: "https://example.com", code: 307 },
        },
        match: {
          ipSubnet: ["0.0.0.0/0"],
          httpFilter: "http_header_match",
          httpFilterValue: ["example.com"],
          httpFilterOption: "Host",
        },
      }),
    ).toEqual({
      name: "a",
      index: 0,
      description: "",
      action: { type: "redirect", redirect: { type: "location", target: "https://example.com", code: 307 } },
      match: {
        ip_subnet: ["0.0.0.0/0"],
        http_filter: "http_header_match",
        http_filter_value: ["example.com"],
        http_filter_option: "Host",
      },
    });
    expect(
      bodyOf(createAcl, { frontendId: "f", name: "b", index: 1, action: { type: "deny" }, match: null }),
    ).toEqual({
      name: "b",
      index: 1,
      description: "",
      action: { type: "deny" },
      match: null,
    });
  });

  it("certificate one-of, subscriber config, PN attach", () => {
    expect(
      bodyOf(createCertificate, { lbId: "l", name: "c", letsencrypt: { commonName: "a.example" } }),
    ).toEqual({
      name: "c",
      letsencrypt: { common_name: "a.example", subject_alternative_name: [] },
    });
    expect(
      bodyOf(createCertificate, { lbId: "l", name: "c", customCertificate: { certificateChain: "PEM" } }),
    ).toEqual({
      name: "c",
      custom_certificate: { certificate_chain: "PEM" },
    });
    expect(
      bodyOf(createSubscriber, { name: "s", webhookConfig: { uri: "https://hook" }, projectId: "p" }),
    ).toEqual({
      name: "s",
      webhook_config: { uri: "https://hook" },
      project_id: "p",
    });
    expect(bodyOf(attachPrivateNetwork, { lbId: "l", privateNetworkId: "pn", ipamIds: ["ip"] })).toEqual({
      private_network_id: "pn",
      ipam_ids: ["ip"],
    });
  });
});

describe("derived requests", () => {
  it("sends body keys in the schema's order (bodies are compared byte for byte with the recordings)", () => {
    const body = bodyOf(createLb, {
      tags: ["t"],
      type: "LB-S",
      name: "lb",
      projectId: "p",
      description: "d",
    });
    expect(JSON.stringify(body)).toBe(
      '{"project_id":"p","name":"lb","description":"d","ip_ids":[],"tags":["t"],"type":"LB-S"}',
    );
  });

  it("fills path templates, and the project of scoped creates from the client when the request names none", () => {
    const scoped: ApiContext = { ...ctx, projectId: "cfg" };
    expect(wireRequest(scoped, createLb, { name: "lb" }).body).toMatchObject({ project_id: "cfg" });
    expect(wireRequest(scoped, createLb, { name: "lb", organizationId: "o" }).body).toEqual(
      expect.not.objectContaining({ project_id: expect.anything() }),
    );
    expect(wireRequest(ctx, ENDPOINTS.getBackend, { zone: "nl-ams-1", backendId: "a/b" }).path).toBe(
      "/lb/v1/zones/nl-ams-1/backends/a%2Fb",
    );
    expect(wireRequest(ctx, ENDPOINTS.listIpamIps, { resourceId: "l" }).path).toBe(
      "/ipam/v1/regions/fr-par/ips",
    );
  });

  it("refuses a body that does not fit its schema, naming the operation and the camelCase field", () => {
    const bad = { name: "b", index: 0, frontendId: "f", action: { type: "bounce" } } as unknown as RequestOf<
      typeof createAcl
    >;
    expect(() => bodyOf(createAcl, bad)).toThrow(/createAcl: invalid request \(action\.type: /);
  });

  it("refuses a table whose row names differ from their keys, or a non-idempotent row that cannot reconcile", () => {
    const executor = { ...ctx, run: () => Promise.reject(new Error("not sent")), withDeadline: () => ({}) };
    const getLb = endpoint("getLb", "GET /lbs/{lb_id}", { response: LbSchema });
    expect(() => createMethods(executor, { readLb: getLb })).toThrow("endpoint getLb is listed as readLb");
    const migrate = endpoint("migrateLb", "POST /lbs/{lb_id}/migrate", { response: LbSchema });
    expect(() => createMethods(executor, { migrateLb: migrate })).toThrow(/needs a reconcile step/);
    expect(Object.keys(createMethods(executor, { getLb }))).toEqual(["getLb"]);
    expect(Object.keys(createMethods(executor, { listLbs: ENDPOINTS.listLbs }))).toEqual([
      "listLbs",
      "listAllLbs",
    ]);
  });
});
