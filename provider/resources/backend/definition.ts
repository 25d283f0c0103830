/**
 * Backend: a pool of servers behind a load balancer, with its health check. Three API endpoints
 * update it independently: the backend itself, its health check and its server list.
 */
// A value from its own module, not the client's index: the index loads the HTTP client, which
// runtime.ts loads only when an API call is due (check, diff and previews never need it).
import {
  FORWARD_PORT_ALGORITHMS,
  ON_MARKED_DOWN_ACTIONS,
  PROTOCOLS,
  PROXY_PROTOCOLS,
  STICKY_SESSIONS_TYPES,
} from "../../client/schemas/backend";
import { defineResource } from "../../core/infer";
import type { CheckFailure, Json, ObjectProp, StringProp } from "../../core/property";
import { importIdInput, nameInput, parentIdInput, timestampOutputs, zoneInput } from "../common";
import { except } from "../enums";

const HOUR = 3_600_000;
const port = (description: string) => ({ type: "integer", minimum: 1, maximum: 65535, description }) as const;

const httpMembers = {
  uri: {
    type: "string",
    minLength: 1,
    // emulator/handlers/health-check.ts: `uri` ≤ 1024 characters.
    maxLength: 1024,
    default: "/",
    description: "Path (or full URL) requested. Default: `/`.",
  },
  method: {
    type: "string",
    // emulator/handlers/health-check.ts: `method` ≤ 32 characters.
    maxLength: 32,
    pattern: { regex: /^[A-Z]+$/, description: "an upper-case HTTP method" },
    default: "GET",
    description: "HTTP method. Default: `GET`.",
  },
  code: {
    type: "integer",
    minimum: 100,
    maximum: 599,
    description: "Expected HTTP status. Default: any status below 400 counts as healthy.",
  },
  hostHeader: {
    type: "string",
    pattern: { regex: /^\S*$/, description: "no white space" },
    default: "",
    nullMeansDefault: true,
    description: "Host header sent. Default: none.",
  },
} as const;

const sni = {
  type: "string",
  // emulator/handlers/health-check.ts: `https_config.sni` ≤ 255 characters.
  maxLength: 255,
  pattern: { regex: /^\S*$/, description: "no white space" },
  default: "",
  nullMeansDefault: true,
  description: "TLS SNI sent. Default: none.",
} as const satisfies StringProp;

const httpCheck = {
  type: "object",
  description: "Check by an HTTP request; healthy when the answer has the expected status.",
  properties: httpMembers,
} as const satisfies ObjectProp;

const httpsCheck = {
  type: "object",
  description:
    "Check by an HTTPS request (TLS towards the server); healthy when the answer has the expected status.",
  properties: { ...httpMembers, sni },
} as const satisfies ObjectProp;

const userCheck = (db: string) =>
  ({
    type: "object",
    description: `Check by a ${db} login.`,
    properties: {
      user: { type: "string", required: true, minLength: 1, description: `${db} user to log in as.` },
    },
  }) as const satisfies ObjectProp;

const emptyCheck = (description: string) =>
  ({ type: "object", description, properties: {} }) as const satisfies ObjectProp;

export const HEALTH_CHECK_TYPES = [
  "tcpConfig",
  "httpConfig",
  "httpsConfig",
  "mysqlConfig",
  "pgsqlConfig",
  "ldapConfig",
  "redisConfig",
] as const;

/** The kind the API reports when several are set: the first of these, else TCP (the API's default). */
const REPORTED_CHECK_ORDER = HEALTH_CHECK_TYPES.filter((t) => t !== "tcpConfig");

/** The answered health check with its one kind, as check writes it. */
function oneCheckKind(check: unknown): unknown {
  if (check === null || typeof check !== "object") return check;
  const all = check as Record<string, unknown>;
  const kind = REPORTED_CHECK_ORDER.find((k) => all[k] !== undefined && all[k] !== null);
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(all)) if (!key.endsWith("Config")) kept[key] = value;
  return kind ? { ...kept, [kind]: all[kind] } : { ...kept, tcpConfig: {} };
}

export const backendDefinition = defineResource({
  kind: "Backend",
  description:
    "A backend: the servers a load balancer forwards to, how it balances between them and how it checks their health.",
  autoName: true,
  parent: "lbId",
  inputs: {
    lbId: { ...parentIdInput("load balancer"), api: { from: "lb.id" } },
    zone: zoneInput,
    name: nameInput("backend", "backend"),
    forwardProtocol: {
      type: "string",
      enum: PROTOCOLS,
      default: "tcp",
      policy: { update: "backend" },
      description: "Protocol towards the servers: `tcp` or `http`. Default: `tcp`.",
    },
    forwardPort: {
      ...port("Port of the servers that traffic is forwarded to (1-65535)."),
      required: true,
      policy: { update: "backend" },
    },
    forwardPortAlgorithm: {
      type: "string",
      enum: FORWARD_PORT_ALGORITHMS,
      default: "roundrobin",
      policy: { update: "backend" },
      description:
        "How servers are chosen: `roundrobin`, `leastconn` (fewest connections) or `first` (first server with free slots). Default: `roundrobin`.",
    },
    stickySessions: {
      type: "string",
      enum: STICKY_SESSIONS_TYPES,
      default: "none",
      policy: { update: "backend" },
      description:
        "Session stickiness: `none`, `cookie` (HTTP only, needs `stickySessionsCookieName`) or `table` (by client IP). Default: `none`.",
    },
    stickySessionsCookieName: {
      type: "string",
      // emulator/handlers/backends.ts: `sticky_sessions_cookie_name` ≤ 255 characters.
      maxLength: 255,
      default: "",
      policy: { update: "backend" },
      description: "Cookie name used when `stickySessions` is `cookie`. Default: empty.",
    },
    serverIps: {
      type: "array",
      items: { type: "string", format: "ip", description: "A server address." },
      // emulator/handlers/backends.ts: `server_ip` ≤ 1000 items.
      maxItems: 1000,
      unordered: true,
      default: [],
      policy: { update: "servers" },
      api: { from: "pool", to: "serverIp" },
      description:
        "Addresses of the servers (IPv4 or IPv6). A set: order and IPv6 spelling do not matter. Default: none.",
    },
    healthCheck: {
      type: "object",
      default: {},
      policy: { update: "healthCheck" },
      atMostOne: HEALTH_CHECK_TYPES,
      api: { read: oneCheckKind },
      description: "How server health is checked. Default: a TCP connection check on the forward port.",
      properties: {
        port: port("Port the check connects to (1-65535). Default: `forwardPort`, and it follows it."),
        checkDelay: {
          type: "duration",
          minimum: 1,
          maximum: HOUR,
          default: 3000,
          description: "Time between two checks. Default: 3s.",
        },
        checkTimeout: {
          type: "duration",
          minimum: 1,
          maximum: HOUR,
          default: 1000,
          description: "Time to wait for a check's answer. Default: 1s.",
        },
        checkMaxRetries: {
          type: "integer",
          minimum: 0,
          maximum: 100,
          default: 2,
          description: "Failed checks before a server is marked down (0-100). Default: 2.",
        },
        checkSendProxy: {
          type: "boolean",
          default: false,
          description: "Send the PROXY protocol header with checks. Default: false.",
        },
        transientCheckDelay: {
          type: "duration",
          minimum: 1,
          maximum: HOUR,
          default: 500,
          nullMeansDefault: true,
          description: "Time between checks while a server is changing state. Default: 500ms.",
        },
        tcpConfig: emptyCheck("Check by opening a TCP connection (the default)."),
        httpConfig: httpCheck,
        httpsConfig: httpsCheck,
        mysqlConfig: userCheck("MySQL"),
        pgsqlConfig: userCheck("PostgreSQL"),
        ldapConfig: emptyCheck("Check for an LDAPv3 answer."),
        redisConfig: emptyCheck("Check for a Redis `+PONG` answer."),
      },
    },
    timeoutServer: {
      type: "duration",
      minimum: 1,
      maximum: 24 * HOUR,
      default: 300_000,
      nullMeansDefault: true,
      policy: { update: "backend" },
      description: "Maximum server inactivity before the connection is closed. Default: 5m.",
    },
    timeoutConnect: {
      type: "duration",
      minimum: 1,
      maximum: 24 * HOUR,
      default: 5000,
      nullMeansDefault: true,
      policy: { update: "backend" },
      description: "Maximum time to establish a connection to a server. Default: 5s.",
    },
    timeoutTunnel: {
      type: "duration",
      minimum: 1,
      maximum: 24 * HOUR,
      default: 900_000,
      nullMeansDefault: true,
      policy: { update: "backend" },
      description: "Maximum inactivity of a tunnelled (e.g. WebSocket) connection. Default: 15m.",
    },
    timeoutQueue: {
      type: "duration",
      minimum: 0,
      maximum: HOUR,
      policy: { update: "backend" },
      description:
        "Maximum time a request waits in the queue for a free server slot (with `maxConnections`). Default: unset (the API's own).",
    },
    onMarkedDownAction: {
      type: "string",
      enum: ON_MARKED_DOWN_ACTIONS,
      default: "on_marked_down_action_none",
      policy: { update: "backend" },
      description:
        "What happens to open sessions when a server is marked down: `on_marked_down_action_none` or `shutdown_sessions`. Default: none.",
    },
    proxyProtocol: {
      type: "string",
      enum: except(PROXY_PROTOCOLS, "proxy_protocol_unknown"),
      default: "proxy_protocol_none",
      policy: { update: "backend" },
      // The API reports a backend made without one as `unknown`: it sends none.
      api: { read: (v) => (v === "proxy_protocol_unknown" ? "proxy_protocol_none" : v) },
      description: "PROXY protocol header sent to the servers. Default: `proxy_protocol_none`.",
    },
    failoverHost: {
      type: "string",
      minLength: 1,
      // emulator/handlers/backends.ts: `failover_host` ≤ 255 characters.
      maxLength: 255,
      policy: { update: "backend" },
      description:
        "Object Storage website host served when every server is down (e.g. `bucket.s3-website.fr-par.scw.cloud`). Default: unset.",
    },
    sslBridging: {
      type: "boolean",
      default: false,
      nullMeansDefault: true,
      policy: { update: "backend" },
      description: "Encrypt traffic to the servers with TLS. Default: false.",
    },
    ignoreSslServerVerify: {
      type: "boolean",
      default: false,
      nullMeansDefault: true,
      policy: { update: "backend" },
      description: "With `sslBridging`, accept any server certificate. Default: false.",
    },
    redispatchAttemptCount: {
      type: "integer",
      minimum: 0,
      maximum: 100,
      policy: { update: "backend" },
      description: "Times a failed connection is retried on another server (0-100). Default: unset.",
    },
    maxRetries: {
      type: "integer",
      minimum: 0,
      maximum: 100,
      default: 3,
      nullMeansDefault: true,
      policy: { update: "backend" },
      description: "Times a failed connection is retried on the same server (0-100). Default: 3.",
    },
    maxConnections: {
      type: "integer",
      minimum: 0,
      maximum: 1_000_000,
      policy: { update: "backend" },
      description:
        "Maximum simultaneous connections per server; more wait in the queue. Default: unset (no limit).",
    },
    host: {
      type: "string",
      // emulator/handlers/backends.ts: `host` ≤ 255 characters.
      maxLength: 255,
      pattern: { regex: /^\S*$/, description: "no white space" },
      default: "",
      nullMeansDefault: true,
      policy: { update: "backend" },
      description: "Host header and TLS SNI used towards the servers. Default: the client's.",
    },
    importId: importIdInput,
  },
  outputs: {
    ...timestampOutputs,
  },
  complete: (inputs) => {
    const out: Record<string, Json> = { ...inputs };
    const hc = out.healthCheck;
    if (hc !== null && typeof hc === "object" && !Array.isArray(hc)) {
      const check: Record<string, Json> = { ...hc };
      if (check.port === undefined && out.forwardPort !== undefined) check.port = out.forwardPort;
      if (!HEALTH_CHECK_TYPES.some((t) => check[t] !== undefined)) check.tcpConfig = {};
      out.healthCheck = check;
    }
    return out;
  },
  validate: (inputs) => {
    const failures: CheckFailure[] = [];
    if (inputs.stickySessions === "cookie" && inputs.stickySessionsCookieName === "") {
      failures.push({
        property: "stickySessionsCookieName",
        reason: 'is required when stickySessions is "cookie": give the cookie name to use',
      });
    }
    if (inputs.stickySessions === "cookie" && inputs.forwardProtocol === "tcp") {
      failures.push({ property: "stickySessions", reason: '"cookie" needs forwardProtocol "http"' });
    }
    return failures;
  },
});
