import { UNKNOWN } from "../../../provider/core/unknown";
import { backendDefinition } from "../../../provider/resources/backend/definition";
import { type Args, describeDiffTable, type Row, rowBuilder, withValue, zoned } from "./support/diff-table";

const before: Args = {
  __resourceName: "web",
  lbId: zoned(1),
  forwardPort: 80,
  serverIps: ["10.0.0.1", "2001:db8::1"],
  healthCheck: { httpConfig: { uri: "/health" } },
};

const { row, updates } = rowBuilder(before);
const backend = updates("backend");
const hc = updates("healthCheck");
/** Switch the health check to another type (only one may be set). */
const switchTo = (type: string, config: Args): Row => ({
  path: `healthCheck.${type}`,
  change: `switch to ${type}`,
  after: withValue(withValue(before, "healthCheck.httpConfig", undefined), `healthCheck.${type}`, config),
  endpoints: ["healthCheck"],
});
const inType = (type: string, field: string, base: Args, value: unknown): Row => ({
  path: `healthCheck.${type}.${field}`,
  change: `set to ${JSON.stringify(value)}`,
  after: withValue(withValue(before, "healthCheck.httpConfig", undefined), `healthCheck.${type}`, {
    ...base,
    [field]: value,
  }),
  endpoints: ["healthCheck"],
});

const rows: Row[] = [
  row("lbId", "moved to another load balancer", zoned(2), [], ["lbId"]),
  row(
    "lbId",
    "unknown during preview: the load balancer is being replaced, so is the backend",
    UNKNOWN,
    [],
    ["lbId", "zone"],
  ),
  row("zone", "given explicitly, same as the load balancer's", "fr-par-1", []),
  backend("name", "api"),
  backend("forwardProtocol", "http"),
  row("forwardPort", "changed: the health check port follows", 8080, ["backend", "healthCheck"]),
  backend("forwardPortAlgorithm", "leastconn"),
  backend("stickySessions", "table"),
  backend("stickySessionsCookieName", "sid"),
  row("serverIps", "a server added", ["10.0.0.1", "2001:db8::1", "10.0.0.3"], ["servers"]),
  row("serverIps", "reordered: a set, no change", ["2001:db8::1", "10.0.0.1"], []),
  row("serverIps", "IPv6 written differently: no change", ["10.0.0.1", "2001:DB8:0:0:0:0:0:0001"], []),
  row("serverIps", "a duplicate: no change", ["10.0.0.1", "10.0.0.1", "2001:db8::1"], []),
  row("serverIps", "unknown during preview", UNKNOWN, ["servers"]),
  row("healthCheck", "removed: back to the default TCP check", undefined, ["healthCheck"]),
  row("healthCheck", "unknown during preview", UNKNOWN, ["healthCheck"]),
  hc("healthCheck.port", 81),
  row("healthCheck.port", "set to the forward port it already follows", 80, []),
  hc("healthCheck.checkDelay", "10s"),
  row("healthCheck.checkDelay", "3s written as 3000 ms: no change", 3000, []),
  hc("healthCheck.checkTimeout", 2000),
  hc("healthCheck.checkMaxRetries", 5),
  hc("healthCheck.checkSendProxy", true),
  hc("healthCheck.transientCheckDelay", "1s"),
  row("healthCheck.transientCheckDelay", "0.5s written as 500ms: no change", "500ms", []),
  switchTo("tcpConfig", {}),
  hc("healthCheck.httpConfig", { uri: "/ready" }),
  hc("healthCheck.httpConfig.uri", "/ready"),
  hc("healthCheck.httpConfig.method", "HEAD"),
  hc("healthCheck.httpConfig.code", 204),
  hc("healthCheck.httpConfig.hostHeader", "example.com"),
  switchTo("httpsConfig", { uri: "/health" }),
  inType("httpsConfig", "uri", {}, "/ready"),
  inType("httpsConfig", "method", {}, "POST"),
  inType("httpsConfig", "code", {}, 200),
  inType("httpsConfig", "hostHeader", {}, "example.com"),
  inType("httpsConfig", "sni", {}, "example.com"),
  switchTo("mysqlConfig", { user: "check" }),
  inType("mysqlConfig", "user", { user: "a" }, "b"),
  switchTo("pgsqlConfig", { user: "check" }),
  inType("pgsqlConfig", "user", { user: "a" }, "b"),
  switchTo("ldapConfig", {}),
  switchTo("redisConfig", {}),
  backend("timeoutServer", "10m"),
  row("timeoutServer", "5m written as 300000 ms: no change", 300_000, []),
  backend("timeoutConnect", "10s"),
  backend("timeoutTunnel", "1h"),
  backend("timeoutQueue", "4s"),
  backend("onMarkedDownAction", "shutdown_sessions"),
  backend("proxyProtocol", "proxy_protocol_v2"),
  backend("failoverHost", "bucket.s3-website.fr-par.scw.cloud"),
  backend("sslBridging", true),
  backend("ignoreSslServerVerify", true),
  backend("redispatchAttemptCount", 2),
  backend("maxRetries", 5),
  backend("maxConnections", 100),
  backend("host", "internal.example.com"),
  row("importId", "set after creation: recorded, no API call", zoned(9), [], [], true),
];

describeDiffTable(backendDefinition, before, rows);
