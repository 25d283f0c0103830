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

/** Every field of the record but its parent, pool and health check, under its snake_case name. */
export function renderBackend(store: Store, backend: BackendRecord, lbInstances: boolean): JsonObject {
  const { zone: _zone, seq: _seq, lbId, healthCheck, pool, ...fields } = backend;
  const rendered: JsonObject = {
    health_check: renderHealthCheck(healthCheck),
    lb: renderParentLb(store, lbId, lbInstances),
    pool: [...pool],
  };
  for (const [key, value] of Object.entries(fields)) rendered[snakeCase(key)] = value;
  // In the API's order: alphabetical.
  return Object.fromEntries(Object.entries(rendered).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `sendProxyV2` → `send_proxy_v2`. */
function snakeCase(key: string): string {
  return key.replace(
    /[A-Z0-9]/g,
    (c, at: number) => (at > 0 && /[a-z]/.test(key[at - 1] ?? "") ? "_" : "") + c.toLowerCase(),
  );
}
