/** `Backend` (§3.4) and `HealthCheck` (§3.5): one-of config members only when set. */
import type { BackendRecord, HealthCheckConfig, HealthCheckRecord } from "../records";
import type { Store } from "../store";
import type { JsonObject } from "./json";
import { renderParentLb } from "./lb";

function renderHealthCheckConfig(config: HealthCheckConfig): JsonObject {
  switch (config.kind) {
    case "tcp":
      return { tcp_config: {} };
    case "ldap":
      return { ldap_config: {} };
    case "redis":
      return { redis_config: {} };
    case "mysql":
      return { mysql_config: { user: config.user } };
    case "pgsql":
      return { pgsql_config: { user: config.user } };
    case "http":
      return {
        http_config: {
          code: config.code,
          host_header: config.hostHeader,
          method: config.method,
          uri: config.uri,
        },
      };
    case "https":
      return {
        https_config: {
          code: config.code,
          host_header: config.hostHeader,
          method: config.method,
          sni: config.sni,
          uri: config.uri,
        },
      };
  }
}

export function renderHealthCheck(hc: HealthCheckRecord): JsonObject {
  return {
    check_delay: hc.checkDelay,
    check_max_retries: hc.checkMaxRetries,
    check_send_proxy: hc.checkSendProxy,
    check_timeout: hc.checkTimeout,
    port: hc.port,
    ...renderHealthCheckConfig(hc.config),
    transient_check_delay: hc.transientCheckDelay,
  };
}

export function renderBackend(store: Store, backend: BackendRecord, lbInstances: boolean): JsonObject {
  return {
    created_at: backend.createdAt,
    failover_host: backend.failoverHost,
    forward_port: backend.forwardPort,
    forward_port_algorithm: backend.forwardPortAlgorithm,
    forward_protocol: backend.forwardProtocol,
    health_check: renderHealthCheck(backend.healthCheck),
    host: backend.host,
    id: backend.id,
    ignore_ssl_server_verify: backend.ignoreSslServerVerify,
    lb: renderParentLb(store, backend.lbId, lbInstances),
    max_connections: backend.maxConnections,
    max_retries: backend.maxRetries,
    name: backend.name,
    on_marked_down_action: backend.onMarkedDownAction,
    pool: [...backend.pool],
    proxy_protocol: backend.proxyProtocol,
    redispatch_attempt_count: backend.redispatchAttemptCount,
    send_proxy_v2: backend.sendProxyV2,
    ssl_bridging: backend.sslBridging,
    sticky_sessions: backend.stickySessions,
    sticky_sessions_cookie_name: backend.stickySessionsCookieName,
    timeout_connect: backend.timeoutConnect,
    timeout_queue: backend.timeoutQueue,
    timeout_server: backend.timeoutServer,
    timeout_tunnel: backend.timeoutTunnel,
    updated_at: backend.updatedAt,
  };
}
