/** Backends, their server pool and health check (reference §4.3). */
import { z } from "zod";
import type { Camelize } from "../casing";
import {
  duration,
  empty,
  flag,
  list,
  member,
  millisOut,
  nullable,
  protoDurationOut,
  text,
  timestamp,
  withDefault,
} from "./common";
import { LbSchema } from "./lb";

export const PROTOCOLS = ["tcp", "http"] as const;
export const FORWARD_PORT_ALGORITHMS = ["roundrobin", "leastconn", "first"] as const;
export const STICKY_SESSIONS_TYPES = ["none", "cookie", "table"] as const;
export const ON_MARKED_DOWN_ACTIONS = ["on_marked_down_action_none", "shutdown_sessions"] as const;
export const PROXY_PROTOCOLS = [
  "proxy_protocol_unknown",
  "proxy_protocol_none",
  "proxy_protocol_v1",
  "proxy_protocol_v2",
  "proxy_protocol_v2_ssl",
  "proxy_protocol_v2_ssl_cn",
] as const;

const userConfig = z.object({ user: text() });
const httpConfig = {
  uri: text(),
  method: text(),
  /** Expected status; `null` = any 2xx/3xx. */
  code: nullable(z.number()),
  host_header: text(),
};

/** The check kind: exactly one of the `*_config` members is present (the API defaults to TCP). */
export const HealthCheckSchema = z.object({
  port: z.number(),
  /** Between two checks. */
  check_delay: duration,
  /** Reply timeout of one check. */
  check_timeout: duration,
  check_max_retries: z.number(),
  check_send_proxy: flag(),
  /** Between two checks while a server is going up or down. */
  transient_check_delay: duration,
  tcp_config: member(empty),
  mysql_config: member(userConfig),
  pgsql_config: member(userConfig),
  ldap_config: member(empty),
  redis_config: member(empty),
  http_config: member(z.object(httpConfig)),
  https_config: member(z.object({ ...httpConfig, sni: text() })),
});
export type HealthCheck = Camelize<z.output<typeof HealthCheckSchema>>;
export type EmptyConfig = Record<string, never>;
export type HealthCheckUserConfig = NonNullable<HealthCheck["mysqlConfig"]>;
export type HealthCheckHttpConfig = NonNullable<HealthCheck["httpConfig"]>;
export type HealthCheckHttpsConfig = NonNullable<HealthCheck["httpsConfig"]>;
export type HealthCheckConfigs = Omit<HealthCheckSpec, "port" | `check${string}` | "transientCheckDelay">;

export const BackendSchema = z.object({
  id: z.string(),
  name: z.string(),
  forward_protocol: z.enum(PROTOCOLS),
  forward_port: z.number(),
  forward_port_algorithm: z.enum(FORWARD_PORT_ALGORITHMS),
  sticky_sessions: z.enum(STICKY_SESSIONS_TYPES),
  sticky_sessions_cookie_name: text(),
  health_check: HealthCheckSchema,
  /** Backend server IPs (the request field is `server_ip`). */
  pool: list(z.string()),
  lb: LbSchema,
  /** Deprecated in favour of `proxy_protocol`. */
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
  /** Host header / SNI towards the servers (`""` when unset). */
  host: nullable(z.string()),
});
export type Backend = Camelize<z.output<typeof BackendSchema>>;

// Requests

const httpConfigBody = {
  uri: z.string(),
  method: z.string(),
  code: z.number().nullish(),
  host_header: z.string(),
};

/** A health check as sent on create and `updateHealthCheck`. */
export const HealthCheckBody = z.object({
  port: z.number(),
  check_delay: millisOut,
  check_timeout: millisOut,
  check_max_retries: z.number(),
  check_send_proxy: withDefault(z.boolean(), false),
  transient_check_delay: protoDurationOut,
  tcp_config: empty.optional(),
  mysql_config: z.object({ user: z.string() }).optional(),
  pgsql_config: z.object({ user: z.string() }).optional(),
  ldap_config: empty.optional(),
  redis_config: empty.optional(),
  http_config: z.object(httpConfigBody).optional(),
  https_config: z.object({ ...httpConfigBody, sni: z.string() }).optional(),
});
export type HealthCheckSpec = Camelize<z.input<typeof HealthCheckBody>>;

/** Fields shared by create and update (update is a full replacement of these). */
const settings = {
  name: z.string(),
  forward_protocol: z.enum(PROTOCOLS),
  forward_port: z.number(),
  forward_port_algorithm: z.enum(FORWARD_PORT_ALGORITHMS),
  sticky_sessions: z.enum(STICKY_SESSIONS_TYPES),
  sticky_sessions_cookie_name: withDefault(z.string(), ""),
  /** Deprecated. */
  send_proxy_v2: z.boolean().optional(),
  timeout_server: millisOut,
  timeout_connect: millisOut,
  timeout_tunnel: millisOut,
  on_marked_down_action: z.enum(ON_MARKED_DOWN_ACTIONS).optional(),
  proxy_protocol: z.enum(PROXY_PROTOCOLS).optional(),
  failover_host: z.string().nullish(),
  ssl_bridging: z.boolean().nullish(),
  ignore_ssl_server_verify: z.boolean().nullish(),
  redispatch_attempt_count: z.number().nullish(),
  max_retries: z.number().nullish(),
  max_connections: z.number().nullish(),
  timeout_queue: protoDurationOut,
  host: z.string().nullish(),
};
/** PUT: replaces every setting except the health check and the server pool (own endpoints). */
export const BackendSettingsBody = z.object(settings);
export type BackendSettings = Camelize<z.input<typeof BackendSettingsBody>>;

export const CreateBackendBody = z.object({
  ...settings,
  health_check: HealthCheckBody,
  /** Backend server IPs. */
  server_ip: z.array(z.string()),
});

export const BackendServersBody = z.object({ server_ip: z.array(z.string()) });
