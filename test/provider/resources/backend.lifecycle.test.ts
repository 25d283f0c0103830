import { describeLifecycle, loadBalancer } from "../../support/lifecycle";

describeLifecycle({
  kind: "Backend",
  parents: loadBalancer,
  args: ({ lb }) => ({
    __resourceName: "web",
    lbId: lb,
    forwardPort: 80,
    serverIps: ["10.0.0.1", "2001:db8::1"],
  }),
  createCalls: ["GET /lbs/{lb}/backends", "POST /lbs/{lb}/backends"],
  steps: () => [
    {
      change: "pool reordered and IPv6 respelled: no call",
      set: { serverIps: ["2001:DB8:0::1", "10.0.0.1"] },
      calls: [],
    },
    {
      change: "a server added: one servers PUT",
      set: { serverIps: ["10.0.0.1", "2001:db8::1", "10.0.0.3"] },
      calls: ["PUT /backends/{id}/servers"],
    },
    { change: "renamed: one backend PUT", set: { name: "api" }, calls: ["PUT /backends/{id}"] },
    { change: "protocol", set: { forwardProtocol: "http" }, calls: ["PUT /backends/{id}"] },
    { change: "algorithm", set: { forwardPortAlgorithm: "leastconn" }, calls: ["PUT /backends/{id}"] },
    {
      change: "sticky sessions by cookie",
      set: { stickySessions: "cookie", stickySessionsCookieName: "sid" },
      calls: ["PUT /backends/{id}"],
    },
    {
      change: "timeouts",
      set: { timeoutServer: "10m", timeoutConnect: "10s", timeoutTunnel: "1h", timeoutQueue: "4s" },
      calls: ["PUT /backends/{id}"],
    },
    {
      change: "on marked down",
      set: { onMarkedDownAction: "shutdown_sessions" },
      calls: ["PUT /backends/{id}"],
    },
    { change: "proxy protocol", set: { proxyProtocol: "proxy_protocol_v2" }, calls: ["PUT /backends/{id}"] },
    {
      change: "failover host",
      set: { failoverHost: "bucket.s3-website.fr-par.scw.cloud" },
      calls: ["PUT /backends/{id}"],
    },
    {
      change: "TLS to the servers",
      set: { sslBridging: true, ignoreSslServerVerify: true },
      calls: ["PUT /backends/{id}"],
    },
    {
      change: "retries and limits",
      set: { redispatchAttemptCount: 1, maxRetries: 5, maxConnections: 100 },
      calls: ["PUT /backends/{id}"],
    },
    { change: "host", set: { host: "internal.example.com" }, calls: ["PUT /backends/{id}"] },
    {
      change: "health check: HTTP: one health-check PUT",
      set: { healthCheck: { httpConfig: { uri: "/health", code: 200 } } },
      calls: ["PUT /backends/{id}/healthcheck"],
    },
    {
      change: "health check timings",
      set: {
        healthCheck: {
          httpConfig: { uri: "/health", code: 200 },
          checkDelay: "10s",
          checkTimeout: "2s",
          checkMaxRetries: 5,
          transientCheckDelay: "1s",
        },
      },
      calls: ["PUT /backends/{id}/healthcheck"],
    },
    {
      change: "health check: HTTPS with SNI",
      set: { healthCheck: { httpsConfig: { uri: "/", sni: "example.com" }, port: 443 } },
      calls: ["PUT /backends/{id}/healthcheck"],
    },
    {
      change: "health check: MySQL",
      set: { healthCheck: { mysqlConfig: { user: "check" }, checkSendProxy: true } },
      calls: ["PUT /backends/{id}/healthcheck"],
    },
    {
      change: "health check: back to TCP",
      set: { healthCheck: {} },
      calls: ["PUT /backends/{id}/healthcheck"],
    },
    {
      change: "forward port: the backend and its following health check port, two calls",
      set: { forwardPort: 8080 },
      calls: ["PUT /backends/{id}", "PUT /backends/{id}/healthcheck"],
    },
    {
      change: "name, health check and pool at once: one call per endpoint",
      set: { name: "all", healthCheck: { redisConfig: {} }, serverIps: ["10.0.0.9"] },
      calls: ["PUT /backends/{id}", "PUT /backends/{id}/healthcheck", "PUT /backends/{id}/servers"],
    },
  ],
  deleteCalls: ["DELETE /backends/{id}"],
});
