import * as pulumi from "@pulumi/pulumi";
import * as scw from "pulumi-scaleway-lb";

const config = new pulumi.Config();

// The private network belongs to the VPC API (e.g. Pulumi Scaleway's scaleway.network.PrivateNetwork):
// this program only attaches the load balancer to it.
const privateNetworkId = config.require("privateNetworkId");

// No flexible IP: the load balancer is reachable only on the private network.
const lb = new scw.LoadBalancer("internal", {
  assignFlexibleIp: false,
  type: "LB-S",
  description: "private-backends example",
  tags: ["example", "private-backends"],
});

// The attachment: the load balancer gets a private IP on the network (booked for it in IPAM).
const attachment = new scw.PrivateNetwork("internal-pn", {
  lbId: lb.id,
  privateNetworkId,
});

// The servers are reached by their private addresses, once the load balancer is on their network.
const app = new scw.Backend(
  "app",
  {
    lbId: lb.id,
    forwardProtocol: "http",
    forwardPort: 8080,
    serverIps: config.getObject<string[]>("servers") ?? ["172.16.32.11", "172.16.32.12"],
    healthCheck: { httpConfig: { uri: "/healthz", code: 200 }, checkDelay: "10s", checkTimeout: "2s" },
  },
  { dependsOn: [attachment] },
);

const http = new scw.Frontend("http", {
  lbId: lb.id,
  backendId: app.id,
  inboundPort: 80,
});

export const loadBalancerId = lb.id;
export const attachmentId = attachment.id;
/** The load balancer's address on the private network: what clients inside the VPC connect to. */
export const privateAddress = attachment.privateIps.apply((ips) => ips[0]?.ipAddress);
export const frontendId = http.id;
