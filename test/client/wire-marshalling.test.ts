/** camelCase requests -> snake_case bodies, with durations in each field's wire encoding. */
import { marshalAclSpec } from "../../provider/client/wire/acl";
import {
  marshalCreateBackend,
  marshalHealthCheck,
  marshalUpdateBackend,
} from "../../provider/client/wire/backend";
import { marshalCreateCertificate } from "../../provider/client/wire/certificate";
import { marshalFrontendSettings } from "../../provider/client/wire/frontend";
import { marshalCreateIp, marshalUpdateIp } from "../../provider/client/wire/ip";
import { marshalCreateLb, marshalUpdateLb } from "../../provider/client/wire/lb";
import { marshalAttachPrivateNetwork } from "../../provider/client/wire/private-network";
import { marshalRouteMatch } from "../../provider/client/wire/route";
import { marshalCreateSubscriber } from "../../provider/client/wire/subscriber";

describe("backend bodies", () => {
  it("matches the recorded Terraform create body, durations in both encodings", () => {
    const body = marshalCreateBackend({
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
    const body = marshalUpdateBackend({
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
      marshalHealthCheck({
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
    expect(marshalHealthCheck({ port: 1, checkMaxRetries: 1, tcpConfig: {} })).toMatchObject({
      tcp_config: {},
    });
    expect(marshalHealthCheck({ port: 1, checkMaxRetries: 1, mysqlConfig: { user: "u" } })).toMatchObject({
      mysql_config: { user: "u" },
    });
  });
});

describe("other bodies", () => {
  it("LB create carries the project and defaults description/ip_ids/tags", () => {
    expect(marshalCreateLb({ name: "lb", type: "LB-S", assignFlexibleIp: true }, { projectId: "p" })).toEqual(
      {
        project_id: "p",
        name: "lb",
        description: "",
        assign_flexible_ip: true,
        ip_ids: [],
        tags: [],
        type: "LB-S",
      },
    );
    expect(
      marshalUpdateLb({
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
    expect(marshalCreateIp({ isIpv6: true }, { organizationId: "o" })).toEqual({
      organization_id: "o",
      is_ipv6: true,
      tags: [],
    });
    expect(marshalUpdateIp({ ipId: "i", reverse: "r.example" })).toEqual({ reverse: "r.example" });
    expect(marshalUpdateIp({ ipId: "i", lbId: null })).toEqual({ lb_id: null });
  });

  it("frontend timeout_client in ms, defaults for booleans", () => {
    expect(
      marshalFrontendSettings({
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
    expect(marshalRouteMatch({ hostHeader: "h.example" })).toEqual({
      host_header: "h.example",
      match_subdomains: false,
    });
  });

  it("ACL spec with redirect and match", () => {
    expect(
      marshalAclSpec({
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
    expect(marshalAclSpec({ name: "b", index: 1, action: { type: "deny" }, match: null })).toEqual({
      name: "b",
      index: 1,
      description: "",
      action: { type: "deny" },
      match: null,
    });
  });

  it("certificate one-of, subscriber config, PN attach", () => {
    expect(
      marshalCreateCertificate({ lbId: "l", name: "c", letsencrypt: { commonName: "a.example" } }),
    ).toEqual({
      name: "c",
      letsencrypt: { common_name: "a.example", subject_alternative_name: [] },
    });
    expect(
      marshalCreateCertificate({ lbId: "l", name: "c", customCertificate: { certificateChain: "PEM" } }),
    ).toEqual({
      name: "c",
      custom_certificate: { certificate_chain: "PEM" },
    });
    expect(
      marshalCreateSubscriber({ name: "s", webhookConfig: { uri: "https://hook" } }, { projectId: "p" }),
    ).toEqual({
      name: "s",
      webhook_config: { uri: "https://hook" },
      project_id: "p",
    });
    expect(marshalAttachPrivateNetwork({ lbId: "l", privateNetworkId: "pn", ipamIds: ["ip"] })).toEqual({
      private_network_id: "pn",
      ipam_ids: ["ip"],
    });
  });
});
