/**
 * The program every chaos run deploys: each resource kind at least once, a load balancer that
 * allocates its own IP (released with it) and one that uses an Ip resource, children on both.
 * Plain JavaScript, so the engine runs it without compiling anything.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Resources the program declares (the stack resource and providers aside). */
export const PROGRAM_RESOURCES = 11;

const INDEX = `"use strict";
const scw = require("pulumi-scaleway-lb");

const ip = new scw.Ip("front-ip", { tags: ["chaos"] });
const shop = new scw.LoadBalancer("shop", { ipIds: [ip.id] });
const edge = new scw.LoadBalancer("edge", { releaseIp: true });

const web = new scw.Backend("web", {
  lbId: shop.id,
  forwardProtocol: "http",
  forwardPort: 80,
  serverIps: ["10.0.1.11", "10.0.1.12"],
});
const api = new scw.Backend("api", { lbId: shop.id, forwardProtocol: "http", forwardPort: 8080, serverIps: ["10.0.2.21"] });
const site = new scw.Certificate("site", { lbId: shop.id, letsencrypt: { commonName: "shop.acme-corp.fr" } });
const https = new scw.Frontend("https", { lbId: shop.id, backendId: web.id, inboundPort: 443, certificateIds: [site.id] });
new scw.Route("api-by-host", { frontendId: https.id, backendId: api.id, match: { hostHeader: "api.acme-corp.fr" } });
new scw.Acl("deny-blocked", {
  frontendId: https.id,
  index: 0,
  action: { type: "deny" },
  match: { ipSubnet: ["203.0.113.0/24"] },
});
const tcp = new scw.Backend("tcp", { lbId: edge.id, forwardPort: 5432 });
new scw.Frontend("pg", { lbId: edge.id, backendId: tcp.id, inboundPort: 5432 });
`;

/** Writes the program into `dir` (which must resolve the package from its node_modules). */
export function writeProgram(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "Pulumi.yaml"),
    "name: chaos\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n",
  );
  writeFileSync(join(dir, "index.js"), INDEX);
  writeFileSync(join(dir, "package.json"), '{ "name": "chaos", "private": true, "main": "index.js" }\n');
  return dir;
}
