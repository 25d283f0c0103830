/** Backend endpoints (§2 #12–20, §3.4–3.5, §4.3): defaults, durations, health check, pool, stats. */
import { type Api, at, expectInvalidArgument, list, MISSING, str, useEmulator } from "./support/api";

const emu = useEmulator();
const api = (): Api => emu.api();

async function lb(): Promise<string> {
  return str(await api().createLb(), "id");
}

describe("POST /lbs/{id}/backends", () => {
  it("applies the observed server-side defaults", async () => {
    const lbId = await lb();
    const res = await api().post(`lbs/${lbId}/backends`, {
      name: "b",
      forward_port: 8080,
      health_check: {},
      server_ip: null,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      forward_protocol: "tcp",
      forward_port_algorithm: "roundrobin",
      sticky_sessions: "none",
      sticky_sessions_cookie_name: "",
      pool: [],
      send_proxy_v2: false,
      proxy_protocol: "proxy_protocol_unknown",
      on_marked_down_action: "on_marked_down_action_none",
      timeout_server: null,
      timeout_connect: null,
      timeout_tunnel: null,
      timeout_queue: null,
      failover_host: null,
      ssl_bridging: false,
      ignore_ssl_server_verify: null,
      redispatch_attempt_count: null,
      max_retries: null,
      max_connections: null,
      host: "",
      health_check: {
        port: 8080,
        check_delay: 3000,
        check_timeout: 1000,
        check_send_proxy: false,
        transient_check_delay: null,
        tcp_config: {},
      },
      lb: { id: lbId, backend_count: 1, instances: [{ status: "pending" }] },
    });
    const hc = at(res.body, "health_check");
    expect(Object.keys(hc ?? {}).filter((k) => k.endsWith("_config"))).toEqual(["tcp_config"]);
  });

  it("accepts both duration encodings and answers canonical forms", async () => {
    const backend = await api().createBackend(await lb(), {
      timeout_server: "300000",
      timeout_connect: 5000,
      timeout_queue: "4.000000000s",
      health_check: {
        port: 80,
        check_delay: "60000",
        check_timeout: 30000,
        transient_check_delay: "0.500000000s",
      },
    });
    expect(backend).toMatchObject({
      timeout_server: 300000,
      timeout_connect: 5000,
      timeout_queue: "4s",
      health_check: { check_delay: 60000, check_timeout: 30000, transient_check_delay: "0.500s" },
    });
    const micro = await api().createBackend(await lb(), { timeout_queue: "1.000001s" });
    expect(micro.timeout_queue).toBe("1.000001s");
  });

  it("rejects malformed durations, enums, ports and IPs naming the argument", async () => {
    const lbId = await lb();
    const base = { name: "b", forward_port: 80, health_check: {} };
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/backends`, { ...base, timeout_queue: "4m" }),
      "timeout_queue",
      "constraint",
    );
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/backends`, { ...base, timeout_server: "5s" }),
      "timeout_server",
    );
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/backends`, { ...base, timeout_server: -1 }),
      "timeout_server",
    );
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/backends`, { ...base, forward_protocol: "udp" }),
      "forward_protocol",
      "constraint",
    );
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/backends`, { ...base, forward_port: 70000 }),
      "forward_port",
      "constraint",
    );
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/backends`, { ...base, server_ip: ["10.0.0.300"] }),
      "server_ip[0]",
    );
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/backends`, { name: "b", forward_port: 80 }),
      "health_check",
      "required",
    );
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/backends`, { ...base, health_check: { port: "80" } }),
      "health_check.port",
      "format",
    );
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/backends`, {
        ...base,
        health_check: { tcp_config: {}, http_config: { uri: "/" } },
      }),
      "health_check.http_config",
      "constraint",
    );
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/backends`, { ...base, sticky_sessions: "cookie" }),
      "sticky_sessions_cookie_name",
      "required",
    );
  });

  it("maps the deprecated send_proxy_v2 onto proxy_protocol", async () => {
    const backend = await api().createBackend(await lb(), { send_proxy_v2: true });
    expect(backend).toMatchObject({ send_proxy_v2: true, proxy_protocol: "proxy_protocol_v2" });
  });
});

describe("backend updates", () => {
  it("PUT replaces every editable field but keeps the health check and the pool", async () => {
    const lbId = await lb();
    const backend = await api().createBackend(lbId, {
      failover_host: "x.s3-website.fr-par.scw.cloud",
      timeout_server: 1000,
      health_check: {
        port: 81,
        http_config: { uri: "/health", method: "POST", code: 404, host_header: "h" },
      },
    });
    const res = await api().put(`backends/${str(backend, "id")}`, {
      name: "renamed",
      forward_protocol: "http",
      forward_port: 81,
      sticky_sessions: "cookie",
      sticky_sessions_cookie_name: "sid",
      max_connections: 0,
      redispatch_attempt_count: 0,
      ignore_ssl_server_verify: true,
    });
    expect(res.body).toMatchObject({
      name: "renamed",
      failover_host: null,
      timeout_server: null,
      max_connections: 0,
      redispatch_attempt_count: 0,
      ignore_ssl_server_verify: true,
      pool: ["10.0.0.1"],
      health_check: {
        port: 81,
        http_config: { uri: "/health", method: "POST", code: 404, host_header: "h" },
      },
    });
  });

  it("PUT …/healthcheck replaces the health check and answers a HealthCheck", async () => {
    const backend = await api().createBackend(await lb());
    const res = await api().put(`backends/${str(backend, "id")}/healthcheck`, {
      port: 81,
      check_max_retries: 3,
      check_send_proxy: true,
      https_config: { uri: "/", method: "GET", code: 200, host_header: "h", sni: "s" },
      transient_check_delay: "0.200000000s",
    });
    expect(res.body).toEqual({
      check_delay: 3000,
      check_max_retries: 3,
      check_send_proxy: true,
      check_timeout: 1000,
      port: 81,
      https_config: { code: 200, host_header: "h", method: "GET", sni: "s", uri: "/" },
      transient_check_delay: "0.200s",
    });
    expectInvalidArgument(
      await api().put(`backends/${str(backend, "id")}/healthcheck`, {}),
      "port",
      "required",
    );
  });

  it("POST/PUT/DELETE …/servers add, replace and remove pool members", async () => {
    const backend = await api().createBackend(await lb(), { server_ip: ["10.0.0.1"] });
    const id = str(backend, "id");
    expect(
      (await api().post(`backends/${id}/servers`, { server_ip: ["10.0.0.2", "10.0.0.1"] })).body.pool,
    ).toEqual(["10.0.0.1", "10.0.0.2"]);
    expect((await api().put(`backends/${id}/servers`, { server_ip: ["10.0.0.3", "::1"] })).body.pool).toEqual(
      ["10.0.0.3", "::1"],
    );
    const removed = await api().del(`backends/${id}/servers`, { server_ip: ["10.0.0.3", "10.9.9.9"] });
    expect(removed.status).toBe(200);
    expect(removed.body.pool).toEqual(["::1"]);
    expect((await api().put(`backends/${id}/servers`, { server_ip: [] })).body.pool).toEqual([]);
  });
});

describe("backend reads, deletes and stats", () => {
  it("lists per LB with name filter and answers the bare 404", async () => {
    const lbId = await lb();
    await api().createBackend(lbId, { name: "backend01" });
    await api().createBackend(lbId, { name: "other" });
    const res = await api().get(`lbs/${lbId}/backends?name=backend`);
    expect(res.body.total_count).toBe(1);
    expect(list(res.body, "backends")[0]).toMatchObject({ name: "backend01", lb: { instances: [{}] } });
    expect((await api().get(`backends/${MISSING}`)).body).toEqual({ message: "backend not Found" });
    expect((await api().get(`lbs/${MISSING}/backends`)).body).toEqual({ message: "lbs not Found" });
  });

  it("refuses to delete a backend a frontend still uses (412), then deletes it", async () => {
    const { backendId, frontendId } = await api().stack();
    const refused = await api().del(`backends/${backendId}`);
    expect(refused.status).toBe(412);
    expect(refused.body).toMatchObject({
      type: "precondition_failed",
      precondition: "resource_still_in_use",
    });
    expect((await api().del(`frontends/${frontendId}`)).status).toBe(204);
    expect((await api().del(`backends/${backendId}`)).status).toBe(204);
    expect((await api().get(`backends/${backendId}`)).status).toBe(404);
  });

  it("reports one stats row per instance and server", async () => {
    const lbId = await lb();
    const backend = await api().createBackend(lbId, { server_ip: ["10.0.0.1", "10.0.0.2"] });
    const stats = await api().get(`lbs/${lbId}/backend-stats?backend_id=${str(backend, "id")}`);
    expect(stats.body.total_count).toBe(2);
    expect(list(stats.body, "backend_servers_stats")[0]).toMatchObject({
      backend_id: str(backend, "id"),
      ip: "10.0.0.1",
      server_state: "stopped",
      last_health_check_status: "unknown",
      server_state_changed_at: null,
    });
    const legacy = await api().get(`lbs/${lbId}/stats`);
    expect(Object.keys(legacy.body)).toEqual(["backend_servers_stats"]);
  });
});
