/** Backend and health check wire schemas and marshalling. */
import { z } from "zod";
import { formatMillis, formatProtoDuration } from "../durations";
import { type JsonObject, type JsonValue, jsonObject } from "../json";
import {
  type Backend,
  type BackendSettings,
  type CreateBackendRequest,
  FORWARD_PORT_ALGORITHMS,
  type HealthCheck,
  type HealthCheckSpec,
  type ListBackendsResponse,
  ON_MARKED_DOWN_ACTIONS,
  PROTOCOLS,
  PROXY_PROTOCOLS,
  STICKY_SESSIONS_TYPES,
} from "../model/backend";
import { duration, flag, list, member, nullable, text, timestamp } from "./common";
import { LbWire } from "./lb";

const EmptyWire = z.looseObject({}).transform((): Record<string, never> => ({}));
const UserConfigWire = z.looseObject({ user: text() }).transform((w) => ({ user: w.user }));
const HttpConfigWire = z
  .looseObject({ uri: text(), method: text(), code: nullable(z.number()), host_header: text() })
  .transform((w) => ({ uri: w.uri, method: w.method, code: w.code, hostHeader: w.host_header }));
const HttpsConfigWire = z
  .looseObject({ uri: text(), method: text(), code: nullable(z.number()), host_header: text(), sni: text() })
  .transform((w) => ({ uri: w.uri, method: w.method, code: w.code, hostHeader: w.host_header, sni: w.sni }));

export const HealthCheckWire = z
  .looseObject({
    port: z.number(),
    check_delay: duration,
    check_timeout: duration,
    check_max_retries: z.number(),
    check_send_proxy: flag(),
    transient_check_delay: duration,
    tcp_config: member(EmptyWire),
    mysql_config: member(UserConfigWire),
    pgsql_config: member(UserConfigWire),
    ldap_config: member(EmptyWire),
    redis_config: member(EmptyWire),
    http_config: member(HttpConfigWire),
    https_config: member(HttpsConfigWire),
  })
  .transform(
    (w): HealthCheck => ({
      port: w.port,
      checkDelay: w.check_delay,
      checkTimeout: w.check_timeout,
      checkMaxRetries: w.check_max_retries,
      checkSendProxy: w.check_send_proxy,
      transientCheckDelay: w.transient_check_delay,
      ...(w.tcp_config ? { tcpConfig: w.tcp_config } : {}),
      ...(w.mysql_config ? { mysqlConfig: w.mysql_config } : {}),
      ...(w.pgsql_config ? { pgsqlConfig: w.pgsql_config } : {}),
      ...(w.ldap_config ? { ldapConfig: w.ldap_config } : {}),
      ...(w.redis_config ? { redisConfig: w.redis_config } : {}),
      ...(w.http_config ? { httpConfig: w.http_config } : {}),
      ...(w.https_config ? { httpsConfig: w.https_config } : {}),
    }),
  );

export const BackendWire = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    forward_protocol: z.enum(PROTOCOLS),
    forward_port: z.number(),
    forward_port_algorithm: z.enum(FORWARD_PORT_ALGORITHMS),
    sticky_sessions: z.enum(STICKY_SESSIONS_TYPES),
    sticky_sessions_cookie_name: text(),
    health_check: HealthCheckWire,
    pool: list(z.string()),
    lb: LbWire,
    send_proxy_v2: flag(),
    timeout_server: duration,
    timeout_connect: duration,
    timeout_tunnel: duration,
    on_marked_down_action: z.enum(ON_MARKED_DOWN_ACTIONS),
    proxy_protocol: z.enum(PROXY_PROTOCOLS),
    created_at: timestamp,
    updated_at: timestamp,
    failover_host: nullable(z.string()),
    ssl_bridging: nullable(z.boolean()),
    ignore_ssl_server_verify: nullable(z.boolean()),
    redispatch_attempt_count: nullable(z.number()),
    max_retries: nullable(z.number()),
    max_connections: nullable(z.number()),
    timeout_queue: duration,
    host: nullable(z.string()),
  })
  .transform(
    (w): Backend => ({
      id: w.id,
      name: w.name,
      forwardProtocol: w.forward_protocol,
      forwardPort: w.forward_port,
      forwardPortAlgorithm: w.forward_port_algorithm,
      stickySessions: w.sticky_sessions,
      stickySessionsCookieName: w.sticky_sessions_cookie_name,
      healthCheck: w.health_check,
      pool: w.pool,
      lb: w.lb,
      sendProxyV2: w.send_proxy_v2,
      timeoutServer: w.timeout_server,
      timeoutConnect: w.timeout_connect,
      timeoutTunnel: w.timeout_tunnel,
      onMarkedDownAction: w.on_marked_down_action,
      proxyProtocol: w.proxy_protocol,
      createdAt: w.created_at,
      updatedAt: w.updated_at,
      failoverHost: w.failover_host,
      sslBridging: w.ssl_bridging,
      ignoreSslServerVerify: w.ignore_ssl_server_verify,
      redispatchAttemptCount: w.redispatch_attempt_count,
      maxRetries: w.max_retries,
      maxConnections: w.max_connections,
      timeoutQueue: w.timeout_queue,
      host: w.host,
    }),
  );

export const ListBackendsResponseWire = z
  .looseObject({ backends: list(BackendWire), total_count: z.number() })
  .transform((w): ListBackendsResponse => ({ backends: w.backends, totalCount: w.total_count }));

/** An ms field on the wire: integer milliseconds; `null`/absent pass through. */
export function millisOut(ms: number | null | undefined): number | null | undefined {
  return ms === null || ms === undefined ? ms : formatMillis(ms);
}

/** A protobuf duration field on the wire: "0.500s"; `null`/absent pass through. */
export function protoDurationOut(ms: number | null | undefined): string | null | undefined {
  return ms === null || ms === undefined ? ms : formatProtoDuration(ms);
}

export function marshalHealthCheck(hc: HealthCheckSpec): JsonObject {
  const http = hc.httpConfig;
  const https = hc.httpsConfig;
  return jsonObject({
    port: hc.port,
    check_delay: millisOut(hc.checkDelay),
    check_timeout: millisOut(hc.checkTimeout),
    check_max_retries: hc.checkMaxRetries,
    check_send_proxy: hc.checkSendProxy ?? false,
    transient_check_delay: protoDurationOut(hc.transientCheckDelay),
    tcp_config: hc.tcpConfig ? {} : undefined,
    mysql_config: hc.mysqlConfig ? { user: hc.mysqlConfig.user } : undefined,
    pgsql_config: hc.pgsqlConfig ? { user: hc.pgsqlConfig.user } : undefined,
    ldap_config: hc.ldapConfig ? {} : undefined,
    redis_config: hc.redisConfig ? {} : undefined,
    http_config: http
      ? { uri: http.uri, method: http.method, code: http.code, host_header: http.hostHeader }
      : undefined,
    https_config: https
      ? {
          uri: https.uri,
          method: https.method,
          code: https.code,
          host_header: https.hostHeader,
          sni: https.sni,
        }
      : undefined,
  });
}

function backendSettings(s: BackendSettings): Record<string, JsonValue | undefined> {
  return {
    name: s.name,
    forward_protocol: s.forwardProtocol,
    forward_port: s.forwardPort,
    forward_port_algorithm: s.forwardPortAlgorithm,
    sticky_sessions: s.stickySessions,
    sticky_sessions_cookie_name: s.stickySessionsCookieName ?? "",
    send_proxy_v2: s.sendProxyV2,
    timeout_server: millisOut(s.timeoutServer),
    timeout_connect: millisOut(s.timeoutConnect),
    timeout_tunnel: millisOut(s.timeoutTunnel),
    on_marked_down_action: s.onMarkedDownAction,
    proxy_protocol: s.proxyProtocol,
    failover_host: s.failoverHost,
    ssl_bridging: s.sslBridging,
    ignore_ssl_server_verify: s.ignoreSslServerVerify,
    redispatch_attempt_count: s.redispatchAttemptCount,
    max_retries: s.maxRetries,
    max_connections: s.maxConnections,
    timeout_queue: protoDurationOut(s.timeoutQueue),
    host: s.host,
  };
}

export function marshalCreateBackend(req: CreateBackendRequest): JsonObject {
  return jsonObject({
    ...backendSettings(req),
    health_check: marshalHealthCheck(req.healthCheck),
    server_ip: req.serverIp,
  });
}

export function marshalUpdateBackend(req: BackendSettings): JsonObject {
  return jsonObject(backendSettings(req));
}

export function marshalServers(serverIp: string[]): JsonObject {
  return { server_ip: serverIp };
}
