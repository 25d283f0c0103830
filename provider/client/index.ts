/**
 * Scaleway Load Balancer API client (zoned API). Public surface of provider/client: everything
 * else in this folder is internal. camelCase only; snake_case stays inside schemas/ and endpoints/.
 */

// Client
export {
  type ClientConfig,
  createLbClient,
  DEFAULT_DEADLINE_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type LbClient,
  type LbClientOptions,
} from "./client";
// Transport, rate limiting, retries, logging, time
export type { Clock } from "./clock";
export { systemClock } from "./clock";
// Configuration
export {
  type ConfigField,
  type ConfigInput,
  type ConfigSource,
  DEFAULT_API_URL,
  DEFAULT_ZONE,
  describeConfig,
  describeSource,
  ENV_VARIABLES,
  type ResolvedConfig,
  type ResolvedDefaults,
  regionOfZone,
  resolveConfig,
  resolveDefaults,
  STACK_CONFIG_KEYS,
} from "./config";
// Durations (milliseconds <-> wire)
export { formatProtoDuration, parseProtoDuration, parseWireDuration } from "./durations";
// Requests and answers of the client methods, derived from the endpoint rows
export type * from "./endpoints/types";
// Errors
export {
  isNotFoundError,
  isScalewayError,
  SCALEWAY_ERROR_KINDS,
  ScalewayError,
  type ScalewayErrorDetail,
  type ScalewayErrorKind,
} from "./errors";
export type { LogSink } from "./logging";
export type { CallOptions } from "./operation";
export {
  createTokenBucket,
  DEFAULT_RATE_PER_SECOND,
  type RateLimiter,
  type TokenBucket,
  type TokenBucketOptions,
  unlimited,
} from "./rate-limit";
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";
// API objects: snake_case schemas (schemas/), camelCase types derived from them
export {
  ACL_ACTION_TYPES,
  ACL_HTTP_FILTERS,
  ACL_REDIRECT_TYPES,
  type Acl,
  type AclAction,
  type AclActionRedirect,
  type AclActionRedirectType,
  type AclActionSpec,
  type AclActionType,
  type AclHttpFilter,
  type AclMatch,
  type AclMatchSpec,
  type AclSpec,
} from "./schemas/acl";
export {
  type Backend,
  type BackendSettings,
  type EmptyConfig,
  FORWARD_PORT_ALGORITHMS,
  type HealthCheck,
  type HealthCheckConfigs,
  type HealthCheckHttpConfig,
  type HealthCheckHttpsConfig,
  type HealthCheckSpec,
  type HealthCheckUserConfig,
  ON_MARKED_DOWN_ACTIONS,
  PROTOCOLS,
  PROXY_PROTOCOLS,
  STICKY_SESSIONS_TYPES,
} from "./schemas/backend";
export {
  type BackendServerStats,
  type BackendServerStatsHealthCheckStatus,
  type BackendServerStatsServerState,
  HEALTH_CHECK_STATUSES,
  LB_TYPE_STOCKS,
  type LbType,
  type LbTypeStock,
  SERVER_STATES,
} from "./schemas/catalog";
export {
  CERTIFICATE_STATUSES,
  type Certificate,
  type CertificateStatus,
  type CertificateType,
  type CreateCertificateCustomConfig,
  type CreateCertificateLetsencryptConfig,
} from "./schemas/certificate";
export type { Frontend, FrontendSettings } from "./schemas/frontend";
export { IP_TYPES, type Ip, type ListIpsRequestIpType } from "./schemas/ip";
export type { IpamIp, IpamResource } from "./schemas/ipam";
export {
  INSTANCE_STATUSES,
  type Instance,
  type InstanceStatus,
  LB_STATUSES,
  type Lb,
  type LbStatus,
  SSL_COMPATIBILITY_LEVELS,
} from "./schemas/lb";
export {
  PRIVATE_NETWORK_STATUSES,
  type PrivateNetwork,
  type PrivateNetworkDhcpConfig,
  type PrivateNetworkStaticConfig,
  type PrivateNetworkStatus,
} from "./schemas/private-network";
export { type Route, type RouteMatch, type RouteMatchSpec, sameRouteMatch } from "./schemas/route";
export type { Subscriber, SubscriberEmailConfig, SubscriberWebhookConfig } from "./schemas/subscriber";
export { createUndiciTransport, type Transport } from "./transport";
export {
  DEFAULT_WAIT_OPTIONS,
  TYPICAL_SETTLE_MS,
  type WaitForPrivateNetworkRequest,
  type WaitOptions,
  type WaitRequest,
} from "./waiters";
