/** Every endpoint of reference §2: method, path, query and body on the wire; parsed answer. */
import type { LbClient } from "../../provider/client";
import { type FakeAnswer, type FakeServer, startFakeServer } from "./support/fake-server";
import { recorded } from "./support/fixtures";
import { TEST_PROJECT, testClient } from "./support/test-client";

const Z = "/lb/v1/zones/fr-par-1";
const list = (key: string, item: unknown): FakeAnswer => ({ json: { [key]: [item], total_count: 1 } });
const lb = (): FakeAnswer => ({ json: recorded("lb-ready") });
const backend = (): FakeAnswer => ({ json: recorded("backend-create") });
const frontend = (): FakeAnswer => ({ json: recorded("frontend-update") });
const route = (): FakeAnswer => ({ json: recorded("route-create-sni") });
const acl = (): FakeAnswer => ({ json: recorded("acl-redirect") });
const certificate = (): FakeAnswer => ({ json: recorded("cert-ready-le") });
const ip = (): FakeAnswer => ({ json: recorded("ip-patch") });
const subscriber = { id: "sub-1", name: "ops", email_config: { email: "ops@example.com" } };
const noContent: FakeAnswer = { status: 204 };

const hc = {
  port: 80,
  checkMaxRetries: 2,
  checkDelay: 3000,
  checkTimeout: 1000,
  transientCheckDelay: 500,
  tcpConfig: {},
};
const backendSettings = {
  name: "app",
  forwardProtocol: "http" as const,
  forwardPort: 8080,
  forwardPortAlgorithm: "roundrobin" as const,
  stickySessions: "none" as const,
  timeoutServer: 300000,
  timeoutQueue: 4000,
};

interface Case {
  name: string;
  call: (c: LbClient) => Promise<unknown>;
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  body?: unknown;
  answer: FakeAnswer;
  check?: (result: unknown) => void;
}

const cases: Case[] = [
  {
    name: "listLbs",
    call: (c) =>
      c.listLbs({ name: "w", orderBy: "name_asc", tags: ["a", "b"], lbIds: ["x"], page: 2, pageSize: 10 }),
    method: "GET",
    path: `${Z}/lbs`,
    query: { name: "w", order_by: "name_asc", tags: ["a", "b"], lb_ids: "x", page: "2", page_size: "10" },
    answer: list("lbs", recorded("lb-ready")),
  },
  {
    name: "createLb",
    call: (c) => c.createLb({ name: "w", type: "LB-S", assignFlexibleIp: true }),
    method: "POST",
    path: `${Z}/lbs`,
    body: {
      project_id: TEST_PROJECT,
      name: "w",
      description: "",
      assign_flexible_ip: true,
      ip_ids: [],
      tags: [],
      type: "LB-S",
    },
    answer: lb(),
  },
  { name: "getLb", call: (c) => c.getLb({ lbId: "L" }), method: "GET", path: `${Z}/lbs/L`, answer: lb() },
  {
    name: "getLb in another zone",
    call: (c) => c.getLb({ zone: "nl-ams-1", lbId: "L" }),
    method: "GET",
    path: "/lb/v1/zones/nl-ams-1/lbs/L",
    answer: lb(),
  },
  {
    name: "updateLb",
    call: (c) => c.updateLb({ lbId: "L", name: "n", description: "d", tags: ["t"] }),
    method: "PUT",
    path: `${Z}/lbs/L`,
    body: { name: "n", description: "d", tags: ["t"] },
    answer: lb(),
  },
  {
    name: "deleteLb",
    call: (c) => c.deleteLb({ lbId: "L", releaseIp: false }),
    method: "DELETE",
    path: `${Z}/lbs/L`,
    query: { release_ip: "false" },
    answer: noContent,
  },
  {
    name: "migrateLb",
    call: (c) => c.migrateLb({ lbId: "L", type: "LB-GP-M" }),
    method: "POST",
    path: `${Z}/lbs/L/migrate`,
    body: { type: "LB-GP-M" },
    answer: { json: recorded("lb-migrate") },
  },
  {
    name: "listIps",
    call: (c) => c.listIps({ ipType: "ipv6", ipAddress: "::1", tags: ["t"] }),
    method: "GET",
    path: `${Z}/ips`,
    query: { ip_type: "ipv6", ip_address: "::1", tags: "t" },
    answer: list("ips", recorded("ip-patch")),
  },
  {
    name: "createIp",
    call: (c) => c.createIp({ reverse: "r.example", tags: ["t"] }),
    method: "POST",
    path: `${Z}/ips`,
    body: { project_id: TEST_PROJECT, reverse: "r.example", is_ipv6: false, tags: ["t"] },
    answer: ip(),
  },
  { name: "getIp", call: (c) => c.getIp({ ipId: "I" }), method: "GET", path: `${Z}/ips/I`, answer: ip() },
  {
    name: "updateIp",
    call: (c) => c.updateIp({ ipId: "I", reverse: "r.example" }),
    method: "PATCH",
    path: `${Z}/ips/I`,
    body: { reverse: "r.example" },
    answer: ip(),
  },
  {
    name: "releaseIp",
    call: (c) => c.releaseIp({ ipId: "I" }),
    method: "DELETE",
    path: `${Z}/ips/I`,
    answer: noContent,
  },
  {
    name: "listBackends",
    call: (c) => c.listBackends({ lbId: "L", name: "a" }),
    method: "GET",
    path: `${Z}/lbs/L/backends`,
    query: { name: "a" },
    answer: list("backends", recorded("backend-create")),
  },
  {
    name: "createBackend",
    call: (c) => c.createBackend({ lbId: "L", ...backendSettings, healthCheck: hc, serverIp: ["10.0.0.1"] }),
    method: "POST",
    path: `${Z}/lbs/L/backends`,
    body: {
      name: "app",
      forward_protocol: "http",
      forward_port: 8080,
      forward_port_algorithm: "roundrobin",
      sticky_sessions: "none",
      sticky_sessions_cookie_name: "",
      timeout_server: 300000,
      timeout_queue: "4s",
      health_check: {
        port: 80,
        check_max_retries: 2,
        check_delay: 3000,
        check_timeout: 1000,
        check_send_proxy: false,
        transient_check_delay: "0.500s",
        tcp_config: {},
      },
      server_ip: ["10.0.0.1"],
    },
    answer: backend(),
  },
  {
    name: "getBackend",
    call: (c) => c.getBackend({ backendId: "B" }),
    method: "GET",
    path: `${Z}/backends/B`,
    answer: backend(),
  },
  {
    name: "updateBackend",
    call: (c) => c.updateBackend({ backendId: "B", ...backendSettings }),
    method: "PUT",
    path: `${Z}/backends/B`,
    body: {
      name: "app",
      forward_protocol: "http",
      forward_port: 8080,
      forward_port_algorithm: "roundrobin",
      sticky_sessions: "none",
      sticky_sessions_cookie_name: "",
      timeout_server: 300000,
      timeout_queue: "4s",
    },
    answer: backend(),
  },
  {
    name: "deleteBackend",
    call: (c) => c.deleteBackend({ backendId: "B" }),
    method: "DELETE",
    path: `${Z}/backends/B`,
    answer: noContent,
  },
  {
    name: "addBackendServers",
    call: (c) => c.addBackendServers({ backendId: "B", serverIp: ["10.0.0.2"] }),
    method: "POST",
    path: `${Z}/backends/B/servers`,
    body: { server_ip: ["10.0.0.2"] },
    answer: backend(),
  },
  {
    name: "setBackendServers",
    call: (c) => c.setBackendServers({ backendId: "B", serverIp: [] }),
    method: "PUT",
    path: `${Z}/backends/B/servers`,
    body: { server_ip: [] },
    answer: backend(),
  },
  {
    name: "removeBackendServers",
    call: (c) => c.removeBackendServers({ backendId: "B", serverIp: ["10.0.0.2"] }),
    method: "DELETE",
    path: `${Z}/backends/B/servers`,
    body: { server_ip: ["10.0.0.2"] },
    answer: backend(),
  },
  {
    name: "updateHealthCheck",
    call: (c) =>
      c.updateHealthCheck({
        backendId: "B",
        port: 81,
        checkMaxRetries: 3,
        checkSendProxy: true,
        tcpConfig: {},
        transientCheckDelay: 200,
        checkDelay: 10000,
        checkTimeout: 15000,
      }),
    method: "PUT",
    path: `${Z}/backends/B/healthcheck`,
    body: {
      port: 81,
      check_max_retries: 3,
      check_send_proxy: true,
      tcp_config: {},
      transient_check_delay: "0.200s",
      check_delay: 10000,
      check_timeout: 15000,
    },
    answer: { json: recorded("healthcheck-update") },
    check: (r) => expect(r).toMatchObject({ port: 81, transientCheckDelay: 200, checkDelay: 10000 }),
  },
  {
    name: "listFrontends",
    call: (c) => c.listFrontends({ lbId: "L", orderBy: "created_at_desc" }),
    method: "GET",
    path: `${Z}/lbs/L/frontends`,
    query: { order_by: "created_at_desc" },
    answer: list("frontends", recorded("frontend-update")),
  },
  {
    name: "createFrontend",
    call: (c) =>
      c.createFrontend({
        lbId: "L",
        name: "f",
        inboundPort: 80,
        backendId: "B",
        timeoutClient: 30000,
        connectionRateLimit: 0,
      }),
    method: "POST",
    path: `${Z}/lbs/L/frontends`,
    body: {
      name: "f",
      inbound_port: 80,
      backend_id: "B",
      timeout_client: 30000,
      enable_http3: false,
      connection_rate_limit: 0,
      enable_access_logs: false,
    },
    answer: frontend(),
  },
  {
    name: "getFrontend",
    call: (c) => c.getFrontend({ frontendId: "F" }),
    method: "GET",
    path: `${Z}/frontends/F`,
    answer: frontend(),
  },
  {
    name: "updateFrontend",
    call: (c) =>
      c.updateFrontend({ frontendId: "F", name: "f", inboundPort: 81, backendId: "B", certificateIds: [] }),
    method: "PUT",
    path: `${Z}/frontends/F`,
    body: {
      name: "f",
      inbound_port: 81,
      backend_id: "B",
      certificate_ids: [],
      enable_http3: false,
      enable_access_logs: false,
    },
    answer: frontend(),
  },
  {
    name: "deleteFrontend",
    call: (c) => c.deleteFrontend({ frontendId: "F" }),
    method: "DELETE",
    path: `${Z}/frontends/F`,
    answer: noContent,
  },
  {
    name: "listRoutes",
    call: (c) => c.listRoutes({ frontendId: "F" }),
    method: "GET",
    path: `${Z}/routes`,
    query: { frontend_id: "F" },
    answer: list("routes", recorded("route-create-sni")),
  },
  {
    name: "createRoute",
    call: (c) =>
      c.createRoute({ frontendId: "F", backendId: "B", match: { sni: "s.example", matchSubdomains: true } }),
    method: "POST",
    path: `${Z}/routes`,
    body: { frontend_id: "F", backend_id: "B", match: { sni: "s.example", match_subdomains: true } },
    answer: route(),
  },
  {
    name: "getRoute",
    call: (c) => c.getRoute({ routeId: "R" }),
    method: "GET",
    path: `${Z}/routes/R`,
    answer: route(),
  },
  {
    name: "updateRoute",
    call: (c) => c.updateRoute({ routeId: "R", backendId: "B2", match: { pathBegin: "/api" } }),
    method: "PUT",
    path: `${Z}/routes/R`,
    body: { backend_id: "B2", match: { path_begin: "/api", match_subdomains: false } },
    answer: route(),
  },
  {
    name: "deleteRoute",
    call: (c) => c.deleteRoute({ routeId: "R" }),
    method: "DELETE",
    path: `${Z}/routes/R`,
    answer: noContent,
  },
  {
    name: "listBackendStats",
    call: (c) => c.listBackendStats({ lbId: "L", backendId: "B" }),
    method: "GET",
    path: `${Z}/lbs/L/backend-stats`,
    query: { backend_id: "B" },
    answer: { json: { backend_servers_stats: [], total_count: 0 } },
  },
  {
    name: "listAcls",
    call: (c) => c.listAcls({ frontendId: "F", name: "a" }),
    method: "GET",
    path: `${Z}/frontends/F/acls`,
    query: { name: "a" },
    answer: list("acls", recorded("acl-redirect")),
  },
  {
    name: "createAcl",
    call: (c) =>
      c.createAcl({
        frontendId: "F",
        name: "a",
        index: 1,
        action: { type: "deny" },
        match: { ipSubnet: ["10.0.0.0/8"] },
      }),
    method: "POST",
    path: `${Z}/frontends/F/acls`,
    body: {
      name: "a",
      index: 1,
      description: "",
      action: { type: "deny" },
      match: { ip_subnet: ["10.0.0.0/8"] },
    },
    answer: acl(),
  },
  {
    name: "setAcls",
    call: (c) => c.setAcls({ frontendId: "F", acls: [{ name: "a", index: 0, action: { type: "allow" } }] }),
    method: "PUT",
    path: `${Z}/frontends/F/acls`,
    body: { acls: [{ name: "a", index: 0, description: "", action: { type: "allow" } }] },
    answer: list("acls", recorded("acl-redirect")),
  },
  {
    name: "getAcl",
    call: (c) => c.getAcl({ aclId: "A" }),
    method: "GET",
    path: `${Z}/acls/A`,
    answer: acl(),
  },
  {
    name: "updateAcl",
    call: (c) =>
      c.updateAcl({ aclId: "A", name: "a", index: 2, action: { type: "allow" }, description: "d" }),
    method: "PUT",
    path: `${Z}/acls/A`,
    body: { name: "a", index: 2, description: "d", action: { type: "allow" } },
    answer: acl(),
  },
  {
    name: "deleteAcl",
    call: (c) => c.deleteAcl({ aclId: "A" }),
    method: "DELETE",
    path: `${Z}/acls/A`,
    answer: noContent,
  },
  {
    name: "createCertificate",
    call: (c) =>
      c.createCertificate({
        lbId: "L",
        name: "c",
        letsencrypt: { commonName: "a.example", subjectAlternativeName: ["b.example"] },
      }),
    method: "POST",
    path: `${Z}/lbs/L/certificates`,
    body: { name: "c", letsencrypt: { common_name: "a.example", subject_alternative_name: ["b.example"] } },
    answer: certificate(),
  },
  {
    name: "listCertificates",
    call: (c) => c.listCertificates({ lbId: "L" }),
    method: "GET",
    path: `${Z}/lbs/L/certificates`,
    answer: list("certificates", recorded("cert-ready-le")),
  },
  {
    name: "getCertificate",
    call: (c) => c.getCertificate({ certificateId: "C" }),
    method: "GET",
    path: `${Z}/certificates/C`,
    answer: certificate(),
  },
  {
    name: "updateCertificate",
    call: (c) => c.updateCertificate({ certificateId: "C", name: "c2" }),
    method: "PUT",
    path: `${Z}/certificates/C`,
    body: { name: "c2" },
    answer: certificate(),
  },
  {
    name: "deleteCertificate",
    call: (c) => c.deleteCertificate({ certificateId: "C" }),
    method: "DELETE",
    path: `${Z}/certificates/C`,
    answer: noContent,
  },
  {
    name: "listLbTypes",
    call: (c) => c.listLbTypes({ pageSize: 5 }),
    method: "GET",
    path: `${Z}/lb-types`,
    query: { page_size: "5" },
    answer: list("lb_types", {
      name: "LB-S",
      stock_status: "available",
      bandwidth: 200000000,
      multicloud: false,
      description: "small",
      region: "fr-par",
      zone: "fr-par-1",
    }),
    check: (r) =>
      expect(r).toEqual({
        lbTypes: [
          {
            name: "LB-S",
            stockStatus: "available",
            bandwidth: 200000000,
            multicloud: false,
            description: "small",
            region: "fr-par",
            zone: "fr-par-1",
          },
        ],
        totalCount: 1,
      }),
  },
  {
    name: "createSubscriber",
    call: (c) => c.createSubscriber({ name: "ops", emailConfig: { email: "ops@example.com" } }),
    method: "POST",
    path: `${Z}/subscribers`,
    body: { name: "ops", email_config: { email: "ops@example.com" }, project_id: TEST_PROJECT },
    answer: { json: subscriber },
  },
  {
    name: "listSubscribers",
    call: (c) => c.listSubscribers({ name: "ops" }),
    method: "GET",
    path: `${Z}/subscribers`,
    query: { name: "ops" },
    answer: list("subscribers", subscriber),
  },
  {
    name: "getSubscriber",
    call: (c) => c.getSubscriber({ subscriberId: "S" }),
    method: "GET",
    path: `${Z}/subscribers/S`,
    answer: { json: subscriber },
  },
  {
    name: "updateSubscriber",
    call: (c) =>
      c.updateSubscriber({ subscriberId: "S", name: "ops", webhookConfig: { uri: "https://hook.example" } }),
    method: "PUT",
    path: `${Z}/subscribers/S`,
    body: { name: "ops", webhook_config: { uri: "https://hook.example" } },
    answer: { json: { id: "S", name: "ops", webhook_config: { uri: "https://hook.example" } } },
  },
  {
    name: "deleteSubscriber",
    call: (c) => c.deleteSubscriber({ subscriberId: "S" }),
    method: "DELETE",
    path: `${Z}/lb/subscription/S`,
    answer: noContent,
  },
  {
    name: "subscribeToLb",
    call: (c) => c.subscribeToLb({ lbId: "L", subscriberId: "S" }),
    method: "POST",
    path: `${Z}/lb/L/subscribe`,
    body: { subscriber_id: "S" },
    answer: lb(),
  },
  {
    name: "unsubscribeFromLb",
    call: (c) => c.unsubscribeFromLb({ lbId: "L" }),
    method: "DELETE",
    path: `${Z}/lb/L/unsubscribe`,
    answer: lb(),
  },
  {
    name: "listLbPrivateNetworks",
    call: (c) => c.listLbPrivateNetworks({ lbId: "L", orderBy: "created_at_asc" }),
    method: "GET",
    path: `${Z}/lbs/L/private-networks`,
    query: { order_by: "created_at_asc" },
    answer: { json: recorded("pn-list") },
  },
  {
    name: "attachPrivateNetwork",
    call: (c) => c.attachPrivateNetwork({ lbId: "L", privateNetworkId: "P", ipamIds: ["I"] }),
    method: "POST",
    path: `${Z}/lbs/L/attach-private-network`,
    body: { private_network_id: "P", ipam_ids: ["I"] },
    answer: { json: recorded("pn-attach") },
  },
  {
    name: "detachPrivateNetwork",
    call: (c) => c.detachPrivateNetwork({ lbId: "L", privateNetworkId: "P" }),
    method: "POST",
    path: `${Z}/lbs/L/detach-private-network`,
    body: { private_network_id: "P" },
    answer: noContent,
  },
  {
    name: "listIpamIps",
    call: (c) => c.listIpamIps({ resourceId: "L", resourceType: "lb_server", orderBy: "created_at_desc" }),
    method: "GET",
    path: "/ipam/v1/regions/fr-par/ips",
    query: { resource_id: "L", resource_type: "lb_server", order_by: "created_at_desc" },
    // Recorded (lb-with-private-networks-ipam-ids #16).
    answer: {
      json: {
        ips: [
          {
            address: "172.16.32.7/22",
            created_at: "2026-07-21T10:16:29.464023Z",
            id: "91ddecd5-c5c8-4ea1-95ec-2118bb60212e",
            is_ipv6: false,
            project_id: "105bdce1-64c0-48ab-899d-868455867ecf",
            region: "fr-par",
            resource: {
              id: "50e8b54a-c37a-4093-aad9-35d07d83e89a",
              mac_address: "02:00:00:15:17:8A",
              name: "test-lb-with-private-network-ipam",
              type: "lb_server",
            },
            reverses: [],
            source: { subnet_id: "8c8ecb80-61e6-4bd5-bf4c-ddd2efb8ed4b" },
            tags: [],
            updated_at: "2026-07-21T10:17:01.832337Z",
            zone: null,
          },
        ],
        total_count: 1,
      },
    },
  },
];

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

describe.each(cases)("$name", ({ call, method, path, query, body, answer, check }) => {
  it(`${method} ${path}`, async () => {
    server.setHandler((r) => {
      if (r.method === method && r.path === path) return answer;
      // snapshot lists made before IP and subscriber creates
      return { json: { ips: [], subscribers: [], total_count: 0 } };
    });
    const { client } = testClient(server.url);
    const result = await call(client);
    const request = server.requests.at(-1);
    expect(request?.method).toBe(method);
    expect(request?.path).toBe(path);
    const sent: Record<string, string | string[]> = {};
    for (const key of new Set(request?.query.keys())) {
      const values = request?.query.getAll(key) ?? [];
      sent[key] = values.length === 1 && !Array.isArray(query?.[key]) ? (values[0] ?? "") : values;
    }
    expect(sent).toEqual(query ?? {});
    expect(request?.body).toEqual(body);
    if (body !== undefined) expect(request?.headers["content-type"]).toBe("application/json");
    if (answer.status === 204) expect(result).toBeUndefined();
    else expect(result).toBeDefined();
    check?.(result);
  });
});

it("covers every endpoint method of the client", () => {
  const { client } = testClient("http://127.0.0.1:9");
  const methods = Object.entries(client)
    .filter(
      ([name, value]) =>
        typeof value === "function" &&
        !name.startsWith("listAll") &&
        !name.startsWith("waitFor") &&
        name !== "close",
    )
    .map(([name]) => name);
  const covered = new Set(cases.map((c) => c.name.split(" ")[0]));
  expect(methods.filter((m) => !covered.has(m))).toEqual([]);
  const specified =
    "listLbs createLb getLb updateLb deleteLb migrateLb listIps createIp getIp updateIp releaseIp listBackends createBackend getBackend updateBackend deleteBackend addBackendServers setBackendServers removeBackendServers updateHealthCheck listFrontends createFrontend getFrontend updateFrontend deleteFrontend listRoutes createRoute getRoute updateRoute deleteRoute listBackendStats listAcls createAcl setAcls getAcl updateAcl deleteAcl createCertificate listCertificates getCertificate updateCertificate deleteCertificate listLbTypes createSubscriber listSubscribers getSubscriber updateSubscriber deleteSubscriber subscribeToLb unsubscribeFromLb listLbPrivateNetworks attachPrivateNetwork detachPrivateNetwork listIpamIps";
  expect([...methods].sort()).toEqual(specified.split(" ").sort());
});
