/**
 * Backend API calls. Three endpoints update a backend independently — the backend itself, its
 * health check and its server list — and an update calls exactly those whose fields changed,
 * each with a full body built from the desired state (the API replaces what it is given).
 */
import type { Backend, BackendSettings, HealthCheck, HealthCheckSpec } from "../../client";
import type { Json } from "../../core/property";
import { splitId, zonedId } from "../ids";
import { unlessGone } from "../notfound";
import type { Operations, Props } from "../operations";
import { bool, defined, int, obj, oneOf, optInt, optStr, str, strs } from "../props";

export const backendOperations: Operations = {
  async create(ctx, inputs) {
    const zone = str(inputs, "zone");
    const lb = splitId(str(inputs, "lbId"), zone);
    const backend = await ctx.api.createBackend({
      zone,
      lbId: lb.id,
      ...settings(inputs),
      healthCheck: healthCheckSpec(inputs),
      serverIp: strs(inputs, "serverIps"),
    });
    const id = zonedId(zone, backend.id);
    return { id, outs: backendProps(zone, backend) };
  },

  async read(ctx, id) {
    const { zone, id: backendId } = splitId(id, ctx.env.defaultZone);
    const backend = await unlessGone(() => ctx.api.getBackend({ zone, backendId }));
    return backend && backendProps(zone, backend);
  },

  async update(ctx, id, _olds, news, endpoints) {
    const { zone, id: backendId } = splitId(id, ctx.env.defaultZone);
    let props: Props | undefined;
    if (endpoints.includes("backend")) {
      props = backendProps(zone, await ctx.api.updateBackend({ zone, backendId, ...settings(news) }));
    }
    if (endpoints.includes("healthCheck")) {
      const check = await ctx.api.updateHealthCheck({ zone, backendId, ...healthCheckSpec(news) });
      props = { ...props, healthCheck: healthCheckProps(check) };
    }
    if (endpoints.includes("servers")) {
      props = backendProps(
        zone,
        await ctx.api.setBackendServers({ zone, backendId, serverIp: strs(news, "serverIps") }),
      );
    }
    return props;
  },

  async delete(ctx, id) {
    const { zone, id: backendId } = splitId(id, ctx.env.defaultZone);
    await unlessGone(() => ctx.api.deleteBackend({ zone, backendId }));
  },

  async findEarlierAttempts(ctx, inputs) {
    const zone = str(inputs, "zone");
    const name = str(inputs, "name");
    const lbId = splitId(str(inputs, "lbId"), zone).id;
    const backends = await ctx.api.listAllBackends({ zone, lbId, name });
    return backends
      .filter((b) => b.name === name)
      .map((b) => ({ id: zonedId(zone, b.id), props: backendProps(zone, b) }));
  },
};

/** The body of the backend PUT (and the matching part of the create): every setting, always. */
function settings(p: Props): BackendSettings {
  return {
    name: str(p, "name"),
    forwardProtocol: str(p, "forwardProtocol") === "http" ? "http" : "tcp",
    forwardPort: int(p, "forwardPort"),
    forwardPortAlgorithm: oneOf(str(p, "forwardPortAlgorithm"), [
      "roundrobin",
      "leastconn",
      "first",
    ] as const),
    stickySessions: oneOf(str(p, "stickySessions"), ["none", "cookie", "table"] as const),
    stickySessionsCookieName: str(p, "stickySessionsCookieName"),
    timeoutServer: optInt(p, "timeoutServer"),
    timeoutConnect: optInt(p, "timeoutConnect"),
    timeoutTunnel: optInt(p, "timeoutTunnel"),
    timeoutQueue: optInt(p, "timeoutQueue"),
    onMarkedDownAction: oneOf(str(p, "onMarkedDownAction"), [
      "on_marked_down_action_none",
      "shutdown_sessions",
    ] as const),
    proxyProtocol: oneOf(str(p, "proxyProtocol"), [
      "proxy_protocol_none",
      "proxy_protocol_v1",
      "proxy_protocol_v2",
      "proxy_protocol_v2_ssl",
      "proxy_protocol_v2_ssl_cn",
    ] as const),
    failoverHost: optStr(p, "failoverHost"),
    sslBridging: bool(p, "sslBridging"),
    ignoreSslServerVerify: bool(p, "ignoreSslServerVerify"),
    redispatchAttemptCount: optInt(p, "redispatchAttemptCount"),
    maxRetries: optInt(p, "maxRetries"),
    maxConnections: optInt(p, "maxConnections"),
    host: str(p, "host"),
  };
}

function healthCheckSpec(p: Props): HealthCheckSpec {
  const hc = obj(p, "healthCheck") ?? {};
  const spec: HealthCheckSpec = {
    port: int(hc, "port"),
    checkDelay: int(hc, "checkDelay"),
    checkTimeout: int(hc, "checkTimeout"),
    checkMaxRetries: int(hc, "checkMaxRetries"),
    checkSendProxy: bool(hc, "checkSendProxy"),
    transientCheckDelay: int(hc, "transientCheckDelay"),
  };
  const http = (config: NonNullable<ReturnType<typeof obj>>) => ({
    uri: str(config, "uri"),
    method: str(config, "method"),
    code: optInt(config, "code"),
    hostHeader: str(config, "hostHeader"),
  });
  const httpConfig = obj(hc, "httpConfig");
  const httpsConfig = obj(hc, "httpsConfig");
  const mysqlConfig = obj(hc, "mysqlConfig");
  const pgsqlConfig = obj(hc, "pgsqlConfig");
  if (httpConfig) spec.httpConfig = http(httpConfig);
  else if (httpsConfig) spec.httpsConfig = { ...http(httpsConfig), sni: str(httpsConfig, "sni") };
  else if (mysqlConfig) spec.mysqlConfig = { user: str(mysqlConfig, "user") };
  else if (pgsqlConfig) spec.pgsqlConfig = { user: str(pgsqlConfig, "user") };
  else if (obj(hc, "ldapConfig")) spec.ldapConfig = {};
  else if (obj(hc, "redisConfig")) spec.redisConfig = {};
  else spec.tcpConfig = {};
  return spec;
}

/** The API's backend in the provider's shape: exactly what check produces for the same settings. */
export function backendProps(zone: string, b: Backend): Props {
  return defined({
    zone,
    lbId: zonedId(zone, b.lb.id),
    name: b.name,
    forwardProtocol: b.forwardProtocol,
    forwardPort: b.forwardPort,
    forwardPortAlgorithm: b.forwardPortAlgorithm,
    stickySessions: b.stickySessions,
    stickySessionsCookieName: b.stickySessionsCookieName,
    serverIps: b.pool,
    healthCheck: healthCheckProps(b.healthCheck),
    timeoutServer: b.timeoutServer,
    timeoutConnect: b.timeoutConnect,
    timeoutTunnel: b.timeoutTunnel,
    timeoutQueue: b.timeoutQueue,
    onMarkedDownAction: b.onMarkedDownAction,
    proxyProtocol: b.proxyProtocol === "proxy_protocol_unknown" ? "proxy_protocol_none" : b.proxyProtocol,
    failoverHost: b.failoverHost,
    sslBridging: b.sslBridging,
    ignoreSslServerVerify: b.ignoreSslServerVerify,
    redispatchAttemptCount: b.redispatchAttemptCount,
    maxRetries: b.maxRetries,
    maxConnections: b.maxConnections,
    host: b.host,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
  });
}

function healthCheckProps(hc: HealthCheck): Json {
  const props: Record<string, Json> = defined({
    port: hc.port,
    checkDelay: hc.checkDelay,
    checkTimeout: hc.checkTimeout,
    checkMaxRetries: hc.checkMaxRetries,
    checkSendProxy: hc.checkSendProxy,
    transientCheckDelay: hc.transientCheckDelay,
  });
  const http = (c: { uri: string; method: string; code: number | null; hostHeader: string }) =>
    defined({ uri: c.uri, method: c.method, code: c.code, hostHeader: c.hostHeader });
  if (hc.httpConfig) props.httpConfig = http(hc.httpConfig);
  else if (hc.httpsConfig) props.httpsConfig = { ...http(hc.httpsConfig), sni: hc.httpsConfig.sni };
  else if (hc.mysqlConfig) props.mysqlConfig = { user: hc.mysqlConfig.user };
  else if (hc.pgsqlConfig) props.pgsqlConfig = { user: hc.pgsqlConfig.user };
  else if (hc.ldapConfig) props.ldapConfig = {};
  else if (hc.redisConfig) props.redisConfig = {};
  else props.tcpConfig = {};
  return props;
}
