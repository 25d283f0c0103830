import * as pulumi from "@pulumi/pulumi";
import * as scw from "pulumi-scaleway-lb";

const config = new pulumi.Config();
const port = config.getNumber("port") ?? 8080;

// A load balancer this stack does not manage (another stack's, or made in the console), found by
// name in the configured zone and project. The lookup only reads (GET), in previews too, and puts
// nothing in this stack's state: destroying the stack leaves the load balancer alone.
const edge = scw.getLoadBalancerOutput({ name: config.get("lbName") ?? "edge" });

const api = new scw.Backend("api", {
  lbId: edge.id,
  forwardProtocol: "http",
  forwardPort: port,
  serverIps: config.getObject<string[]>("servers") ?? ["10.0.1.11", "10.0.1.12"],
  healthCheck: { httpConfig: { uri: "/healthz", code: 200 } },
});

const apiHttp = new scw.Frontend("api-http", {
  lbId: edge.id,
  backendId: api.id,
  inboundPort: port,
});

// Lookups compose with Outputs: once the backend exists, list every backend of the load balancer.
const backends = scw.getBackendsOutput({ lbId: pulumi.all([edge.id, api.id]).apply(([lbId]) => lbId) });

export const loadBalancerId = edge.id;
export const address = edge.ipAddress;
export const backendId = api.id;
export const frontendId = apiHttp.id;
export const backendNames = backends.backends.apply((list) => list.map((b) => b.name).sort());
