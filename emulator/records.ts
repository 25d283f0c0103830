/** Stored objects. camelCase here; the snake_case wire form is produced by `wire/`. */
import type { Timing } from "./config";

/** A transition in flight: the timing captured when the change was made, and reads seen so far. */
export interface Transition {
  timing: Timing;
  reads: number;
  startedAt: number;
}

export type LbStatus =
  | "unknown"
  | "ready"
  | "pending"
  | "stopped"
  | "error"
  | "locked"
  | "migrating"
  | "to_create"
  | "creating"
  | "to_delete"
  | "deleting";

export type InstanceStatus = "unknown" | "ready" | "pending" | "stopped" | "error" | "locked" | "migrating";

export interface InstanceRecord {
  id: string;
  status: InstanceStatus;
  createdAt: string;
  updatedAt: string;
}

export type LbLifecycle =
  | { kind: "create"; transition: Transition }
  | { kind: "migrate"; transition: Transition; toType: string }
  | { kind: "delete"; transition: Transition; releaseIp: boolean };

export interface LbRecord {
  id: string;
  zone: string;
  seq: number;
  name: string;
  description: string;
  /** Offer type, lower-cased (§3.1). */
  type: string;
  tags: string[];
  sslCompatibilityLevel: string;
  projectId: string;
  organizationId: string;
  status: LbStatus;
  /** Attached flexible IPs, in attachment order. */
  ipIds: string[];
  subscriberId: string | null;
  /** `null` while the LB is queued (`to_create` shows `instances: []`). */
  instance: InstanceRecord | null;
  lifecycle: LbLifecycle | null;
  instancesChange: Transition | null;
  createdAt: string;
  updatedAt: string;
}

export interface IpRecord {
  id: string;
  zone: string;
  seq: number;
  address: string;
  isIpv6: boolean;
  reverse: string;
  tags: string[];
  lbId: string | null;
  projectId: string;
  organizationId: string;
}

export type HealthCheckConfig =
  | { kind: "tcp" }
  | { kind: "ldap" }
  | { kind: "redis" }
  | { kind: "mysql"; user: string }
  | { kind: "pgsql"; user: string }
  | { kind: "http"; uri: string; method: string; code: number | null; hostHeader: string }
  | { kind: "https"; uri: string; method: string; code: number | null; hostHeader: string; sni: string };

export interface HealthCheckRecord {
  port: number;
  checkDelay: number;
  checkTimeout: number;
  checkMaxRetries: number;
  checkSendProxy: boolean;
  /** Canonical protobuf duration (`"0.500s"`) or null. */
  transientCheckDelay: string | null;
  config: HealthCheckConfig;
}

/** The settings a backend's create sets and its PUT replaces, rendered under their snake_case names. */
export interface BackendSettings {
  name: string;
  forwardProtocol: string;
  forwardPort: number;
  forwardPortAlgorithm: string;
  stickySessions: string;
  stickySessionsCookieName: string;
  sendProxyV2: boolean;
  timeoutServer: number | null;
  timeoutConnect: number | null;
  timeoutTunnel: number | null;
  onMarkedDownAction: string;
  proxyProtocol: string;
  failoverHost: string | null;
  sslBridging: boolean;
  ignoreSslServerVerify: boolean | null;
  redispatchAttemptCount: number | null;
  maxRetries: number | null;
  maxConnections: number | null;
  timeoutQueue: string | null;
  host: string;
}

export interface BackendRecord extends BackendSettings {
  id: string;
  zone: string;
  seq: number;
  lbId: string;
  healthCheck: HealthCheckRecord;
  pool: string[];
  createdAt: string;
  updatedAt: string;
}

export interface FrontendRecord {
  id: string;
  zone: string;
  seq: number;
  lbId: string;
  name: string;
  inboundPort: number;
  backendId: string;
  timeoutClient: number | null;
  certificateIds: string[];
  enableHttp3: boolean;
  connectionRateLimit: number | null;
  enableAccessLogs: boolean;
  createdAt: string;
  updatedAt: string;
}

export type RouteMatchKind = "sni" | "host_header" | "path_begin";

export interface RouteRecord {
  id: string;
  zone: string;
  seq: number;
  lbId: string;
  frontendId: string;
  backendId: string;
  match: { kind: RouteMatchKind; value: string; matchSubdomains: boolean };
  createdAt: string;
  updatedAt: string;
}

export interface AclRedirect {
  type: string;
  target: string;
  code: number | null;
}

export interface AclRecord {
  id: string;
  zone: string;
  seq: number;
  lbId: string;
  frontendId: string;
  name: string;
  description: string;
  index: number;
  action: { type: string; redirect: AclRedirect | null };
  match: {
    ipSubnet: string[];
    ipsEdgeServices: boolean;
    httpFilter: string;
    httpFilterValue: string[];
    httpFilterOption: string | null;
    invert: boolean;
  };
  createdAt: string;
  updatedAt: string;
}

export type CertificateStatus = "pending" | "ready" | "error";

export interface CertificateRecord {
  id: string;
  zone: string;
  seq: number;
  lbId: string;
  name: string;
  type: "letsencrypt" | "custom";
  commonName: string;
  subjectAlternativeName: string[];
  fingerprint: string;
  notValidBefore: string;
  notValidAfter: string;
  status: CertificateStatus;
  statusDetails: string | null;
  transition: Transition | null;
  createdAt: string;
  updatedAt: string;
}

export type PrivateNetworkStatus = "unknown" | "ready" | "pending" | "error";

export interface PrivateNetworkRecord {
  /** `<lb id>/<private network id>`: an attachment has no id of its own. */
  key: string;
  zone: string;
  seq: number;
  lbId: string;
  privateNetworkId: string;
  ipamIds: string[];
  /** Legacy static attachment addresses; `null` for DHCP/IPAM attachments. */
  staticAddresses: string[] | null;
  dhcpIpId: string | null;
  status: PrivateNetworkStatus;
  transition: { kind: "attach" | "detach"; transition: Transition } | null;
  createdAt: string;
  updatedAt: string;
}

export type SubscriberConfig = { kind: "email"; email: string } | { kind: "webhook"; uri: string };

export interface SubscriberRecord {
  id: string;
  zone: string;
  seq: number;
  name: string;
  config: SubscriberConfig;
  projectId: string;
  organizationId: string;
}
