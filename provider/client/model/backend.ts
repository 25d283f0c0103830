import type { Milliseconds, PageRequest, Timestamp, ZonedRequest } from "./common";
import type { Lb } from "./lb";

export const PROTOCOLS = ["tcp", "http"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const FORWARD_PORT_ALGORITHMS = ["roundrobin", "leastconn", "first"] as const;
export type ForwardPortAlgorithm = (typeof FORWARD_PORT_ALGORITHMS)[number];

export const STICKY_SESSIONS_TYPES = ["none", "cookie", "table"] as const;
export type StickySessionsType = (typeof STICKY_SESSIONS_TYPES)[number];

export const ON_MARKED_DOWN_ACTIONS = ["on_marked_down_action_none", "shutdown_sessions"] as const;
export type OnMarkedDownAction = (typeof ON_MARKED_DOWN_ACTIONS)[number];

export const PROXY_PROTOCOLS = [
  "proxy_protocol_unknown",
  "proxy_protocol_none",
  "proxy_protocol_v1",
  "proxy_protocol_v2",
  "proxy_protocol_v2_ssl",
  "proxy_protocol_v2_ssl_cn",
] as const;
export type ProxyProtocol = (typeof PROXY_PROTOCOLS)[number];

export type EmptyConfig = Record<string, never>;

export interface HealthCheckUserConfig {
  user: string;
}

export interface HealthCheckHttpConfig {
  uri: string;
  method: string;
  /** Expected status; `null` = any 2xx/3xx. */
  code: number | null;
  hostHeader: string;
}

export interface HealthCheckHttpsConfig extends HealthCheckHttpConfig {
  sni: string;
}

/** The check kind: exactly one of these is present (the API defaults to `tcpConfig`). */
export interface HealthCheckConfigs {
  tcpConfig?: EmptyConfig;
  mysqlConfig?: HealthCheckUserConfig;
  pgsqlConfig?: HealthCheckUserConfig;
  ldapConfig?: EmptyConfig;
  redisConfig?: EmptyConfig;
  httpConfig?: HealthCheckHttpConfig;
  httpsConfig?: HealthCheckHttpsConfig;
}

export interface HealthCheck extends HealthCheckConfigs {
  port: number;
  /** Between two checks. */
  checkDelay: Milliseconds | null;
  /** Reply timeout of one check. */
  checkTimeout: Milliseconds | null;
  checkMaxRetries: number;
  checkSendProxy: boolean;
  /** Between two checks while a server is going up or down. */
  transientCheckDelay: Milliseconds | null;
}

export interface Backend {
  id: string;
  name: string;
  forwardProtocol: Protocol;
  forwardPort: number;
  forwardPortAlgorithm: ForwardPortAlgorithm;
  stickySessions: StickySessionsType;
  stickySessionsCookieName: string;
  healthCheck: HealthCheck;
  /** Backend server IPs (the request field is `serverIp`). */
  pool: string[];
  lb: Lb;
  /** Deprecated in favour of `proxyProtocol`. */
  sendProxyV2: boolean;
  timeoutServer: Milliseconds | null;
  timeoutConnect: Milliseconds | null;
  timeoutTunnel: Milliseconds | null;
  onMarkedDownAction: OnMarkedDownAction;
  proxyProtocol: ProxyProtocol;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  failoverHost: string | null;
  sslBridging: boolean | null;
  ignoreSslServerVerify: boolean | null;
  redispatchAttemptCount: number | null;
  maxRetries: number | null;
  maxConnections: number | null;
  timeoutQueue: Milliseconds | null;
  /** Host header / SNI towards the servers (`""` when unset). */
  host: string | null;
}

/** A health check as sent on create / `updateHealthCheck`. */
export interface HealthCheckSpec extends HealthCheckConfigs {
  port: number;
  checkDelay?: Milliseconds | null;
  checkTimeout?: Milliseconds | null;
  checkMaxRetries: number;
  checkSendProxy?: boolean;
  transientCheckDelay?: Milliseconds | null;
}

/** Fields shared by create and update (update is a full replacement of these). */
export interface BackendSettings {
  name: string;
  forwardProtocol: Protocol;
  forwardPort: number;
  forwardPortAlgorithm: ForwardPortAlgorithm;
  stickySessions: StickySessionsType;
  stickySessionsCookieName?: string;
  /** Deprecated. */
  sendProxyV2?: boolean;
  timeoutServer?: Milliseconds | null;
  timeoutConnect?: Milliseconds | null;
  timeoutTunnel?: Milliseconds | null;
  onMarkedDownAction?: OnMarkedDownAction;
  proxyProtocol?: ProxyProtocol;
  failoverHost?: string | null;
  sslBridging?: boolean | null;
  ignoreSslServerVerify?: boolean | null;
  redispatchAttemptCount?: number | null;
  maxRetries?: number | null;
  maxConnections?: number | null;
  timeoutQueue?: Milliseconds | null;
  host?: string | null;
}

export interface CreateBackendRequest extends ZonedRequest, BackendSettings {
  lbId: string;
  healthCheck: HealthCheckSpec;
  /** Backend server IPs. */
  serverIp: string[];
}

export interface GetBackendRequest extends ZonedRequest {
  backendId: string;
}

/** PUT: replaces every setting except the health check and the server pool. */
export interface UpdateBackendRequest extends ZonedRequest, BackendSettings {
  backendId: string;
}

export type DeleteBackendRequest = GetBackendRequest;

export interface BackendServersRequest extends ZonedRequest {
  backendId: string;
  serverIp: string[];
}

export type AddBackendServersRequest = BackendServersRequest;
export type SetBackendServersRequest = BackendServersRequest;
export type RemoveBackendServersRequest = BackendServersRequest;

export interface UpdateHealthCheckRequest extends ZonedRequest, HealthCheckSpec {
  backendId: string;
}

export type ListBackendsRequestOrderBy = "created_at_asc" | "created_at_desc" | "name_asc" | "name_desc";

export interface ListBackendsRequest extends ZonedRequest, PageRequest {
  lbId: string;
  /** Substring match. */
  name?: string;
  orderBy?: ListBackendsRequestOrderBy;
}

export interface ListBackendsResponse {
  backends: Backend[];
  totalCount: number;
}
