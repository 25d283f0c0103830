/**
 * Scaleway Load Balancer API client (zoned API). Public surface of provider/client: everything
 * else in this folder is internal. camelCase only; snake_case stays inside wire/.
 */

// Used by provider/resources (added by the typed-resources branch)
export { sameRouteMatch } from "./api/routes";
// Client
export {
  type ClientConfig,
  createLbClient,
  DEFAULT_DEADLINE_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type LbClient,
  type LbClientOptions,
  type WaitForPrivateNetworkRequest,
  type WaitRequest,
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
export type {
  Acl,
  AclAction,
  AclActionRedirect,
  AclActionRedirectType,
  AclActionSpec,
  AclActionType,
  AclHttpFilter,
  AclMatch,
  AclMatchSpec,
  AclSpec,
  CreateAclRequest,
  DeleteAclRequest,
  GetAclRequest,
  ListAclRequestOrderBy,
  ListAclResponse,
  ListAclsRequest,
  SetAclsRequest,
  SetAclsResponse,
  UpdateAclRequest,
} from "./model/acl";
// Enum lists (the resources' definitions take their allowed values from here)
export { ACL_ACTION_TYPES, ACL_HTTP_FILTERS, ACL_REDIRECT_TYPES } from "./model/acl";
export type {
  AddBackendServersRequest,
  Backend,
  BackendServersRequest,
  BackendSettings,
  CreateBackendRequest,
  DeleteBackendRequest,
  EmptyConfig,
  ForwardPortAlgorithm,
  GetBackendRequest,
  HealthCheck,
  HealthCheckConfigs,
  HealthCheckHttpConfig,
  HealthCheckHttpsConfig,
  HealthCheckSpec,
  HealthCheckUserConfig,
  ListBackendsRequest,
  ListBackendsRequestOrderBy,
  ListBackendsResponse,
  OnMarkedDownAction,
  Protocol,
  ProxyProtocol,
  RemoveBackendServersRequest,
  SetBackendServersRequest,
  StickySessionsType,
  UpdateBackendRequest,
  UpdateHealthCheckRequest,
} from "./model/backend";
export {
  FORWARD_PORT_ALGORITHMS,
  ON_MARKED_DOWN_ACTIONS,
  PROTOCOLS,
  PROXY_PROTOCOLS,
  STICKY_SESSIONS_TYPES,
} from "./model/backend";
export type {
  Certificate,
  CertificateStatus,
  CertificateType,
  CreateCertificateCustomConfig,
  CreateCertificateLetsencryptConfig,
  CreateCertificateRequest,
  DeleteCertificateRequest,
  GetCertificateRequest,
  ListCertificatesRequest,
  ListCertificatesRequestOrderBy,
  ListCertificatesResponse,
  UpdateCertificateRequest,
} from "./model/certificate";
// Model
export type { Milliseconds, PageRequest, ProjectScoped, Timestamp, ZonedRequest } from "./model/common";
export type {
  CreateFrontendRequest,
  DeleteFrontendRequest,
  Frontend,
  FrontendSettings,
  GetFrontendRequest,
  ListFrontendsRequest,
  ListFrontendsRequestOrderBy,
  ListFrontendsResponse,
  UpdateFrontendRequest,
} from "./model/frontend";
export type {
  CreateIpRequest,
  GetIpRequest,
  Ip,
  ListIpsRequest,
  ListIpsRequestIpType,
  ListIpsResponse,
  ReleaseIpRequest,
  UpdateIpRequest,
} from "./model/ip";
export type { IpamIp } from "./model/ipam";
export type {
  CreateLbRequest,
  DeleteLbRequest,
  GetLbRequest,
  Instance,
  InstanceStatus,
  Lb,
  LbStatus,
  ListLbsRequest,
  ListLbsRequestOrderBy,
  ListLbsResponse,
  MigrateLbRequest,
  SslCompatibilityLevel,
  UpdateLbRequest,
} from "./model/lb";
export { SSL_COMPATIBILITY_LEVELS } from "./model/lb";
export type { LbType, LbTypeStock, ListLbTypesRequest, ListLbTypesResponse } from "./model/lb-type";
export type {
  AttachPrivateNetworkRequest,
  DetachPrivateNetworkRequest,
  ListLbPrivateNetworksRequest,
  ListLbPrivateNetworksResponse,
  ListPrivateNetworksRequestOrderBy,
  PrivateNetwork,
  PrivateNetworkDhcpConfig,
  PrivateNetworkStaticConfig,
  PrivateNetworkStatus,
} from "./model/private-network";
export type {
  CreateRouteRequest,
  DeleteRouteRequest,
  GetRouteRequest,
  ListRoutesRequest,
  ListRoutesRequestOrderBy,
  ListRoutesResponse,
  Route,
  RouteMatch,
  RouteMatchSpec,
  UpdateRouteRequest,
} from "./model/route";
export type {
  BackendServerStats,
  BackendServerStatsHealthCheckStatus,
  BackendServerStatsServerState,
  ListBackendStatsRequest,
  ListBackendStatsResponse,
} from "./model/stats";
export type {
  CreateSubscriberRequest,
  DeleteSubscriberRequest,
  GetSubscriberRequest,
  ListSubscriberRequestOrderBy,
  ListSubscriberResponse,
  ListSubscribersRequest,
  Subscriber,
  SubscriberEmailConfig,
  SubscriberWebhookConfig,
  SubscribeToLbRequest,
  UnsubscribeFromLbRequest,
  UpdateSubscriberRequest,
} from "./model/subscriber";
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
export { createUndiciTransport, type Transport, type UndiciTransportOptions } from "./transport";
export { DEFAULT_WAIT_OPTIONS, TYPICAL_SETTLE_MS, type WaitOptions } from "./waiters";
