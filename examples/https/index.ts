import * as pulumi from "@pulumi/pulumi";
import * as scw from "pulumi-scaleway-lb";

const config = new pulumi.Config();
const domain = config.get("domain") ?? "shop.acme-corp.fr";
const apiHost = config.get("apiHost") ?? "api.acme-corp.fr";

// The load balancer allocates its own IPv4 and releases it when destroyed.
const lb = new scw.LoadBalancer("shop", {
  type: "LB-S",
  releaseIp: true,
  sslCompatibilityLevel: "ssl_compatibility_level_modern",
});

const web = new scw.Backend("web", {
  lbId: lb.id,
  forwardProtocol: "http",
  forwardPort: 80,
  serverIps: config.getObject<string[]>("webServers") ?? ["10.0.1.11", "10.0.1.12"],
  healthCheck: { httpConfig: { uri: "/healthz", code: 200 }, checkDelay: "5s" },
});

const api = new scw.Backend("api", {
  lbId: lb.id,
  forwardProtocol: "http",
  forwardPort: 8080,
  forwardPortAlgorithm: "leastconn",
  serverIps: ["10.0.2.21", "10.0.2.22"],
  healthCheck: { httpConfig: { uri: "/status", method: "HEAD" } },
  timeoutServer: "30s",
});

// Let's Encrypt issues this one: every name must resolve to the load balancer's address.
const issued = new scw.Certificate("site", {
  lbId: lb.id,
  letsencrypt: {
    commonName: domain,
    subjectAlternativeNames: config.getObject<string[]>("alternativeNames") ?? [`www.${domain}`],
  },
});

// An uploaded certificate: the PEM (certificate and private key) comes from secret stack config:
//   pulumi config set --secret certificateChain "$(cat fullchain.pem privkey.pem)"
const uploaded = new scw.Certificate("uploaded", {
  lbId: lb.id,
  customCertificate: { certificateChain: config.requireSecret("certificateChain") },
});

const https = new scw.Frontend("https", {
  lbId: lb.id,
  backendId: web.id,
  inboundPort: 443,
  certificateIds: [issued.id, uploaded.id],
  enableHttp3: true,
});

const http = new scw.Frontend("http", { lbId: lb.id, backendId: web.id, inboundPort: 80 });

new scw.Route("api-by-host", {
  frontendId: https.id,
  backendId: api.id,
  match: { hostHeader: apiHost },
});

// Plain HTTP is only ever redirected to HTTPS.
new scw.Acl("to-https", {
  frontendId: http.id,
  index: 0,
  action: { type: "redirect", redirect: { type: "scheme", target: "https", code: 301 } },
});

// On HTTPS: a blocked network first, then /admin only from the office.
new scw.Acl("deny-blocked", {
  frontendId: https.id,
  index: 0,
  action: { type: "deny" },
  match: { ipSubnet: ["203.0.113.0/24"] },
});
new scw.Acl("admin-from-office", {
  frontendId: https.id,
  index: 1,
  action: { type: "deny" },
  match: {
    ipSubnet: ["198.51.100.0/24"],
    httpFilter: "path_begin",
    httpFilterValue: ["/admin"],
    invert: true,
  },
});

export const address = lb.ipAddress;
export const loadBalancerId = lb.id;
export const certificateStatus = issued.status;
