import * as pulumi from "@pulumi/pulumi";
import * as scw from "pulumi-scaleway-lb";

const config = new pulumi.Config();

// A flexible IP outlives the load balancer: DNS can point at it once and for all.
const ip = new scw.Ip("web-ip", { tags: ["example", "basic-http"] });

const lb = new scw.LoadBalancer("web", {
  ipIds: [ip.id],
  type: "LB-S",
  description: "basic-http example",
  tags: ["example", "basic-http"],
});

const app = new scw.Backend("app", {
  lbId: lb.id,
  name: config.get("backendName"),
  forwardProtocol: "http",
  forwardPort: 8080,
  serverIps: config.getObject<string[]>("servers") ?? ["10.0.0.11", "10.0.0.12"],
  healthCheck: {
    httpConfig: { uri: config.get("healthPath") ?? "/healthz", code: 200 },
    checkDelay: "10s",
    checkTimeout: "2s",
    checkMaxRetries: 3,
  },
});

const http = new scw.Frontend("http", {
  lbId: lb.id,
  backendId: app.id,
  inboundPort: 80,
  timeoutClient: "30s",
});

export const address = ip.ipAddress;
export const loadBalancerId = lb.id;
export const backendId = app.id;
export const frontendId = http.id;
