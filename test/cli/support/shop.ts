/**
 * The shop tree on an emulator, created through the provider runtime (configureRuntime first): an
 * IP, an LB on it, a Let's Encrypt and a custom certificate, two HTTP backends with health checks
 * and pools, two frontends, a route and two ACLs. Returns the zoned id of each object.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { create } from "../../support/runtime-harness";

export const LEGACY_CHAIN = readFileSync(join(__dirname, "..", "fixtures", "legacy-chain.pem"), "utf8");

export interface ShopIds {
  readonly ip: string;
  readonly lb: string;
  readonly site: string;
  readonly legacy: string;
  readonly app: string;
  readonly api: string;
  readonly https: string;
  readonly http: string;
  readonly route: string;
  readonly toHttps: string;
  readonly denyBots: string;
}

export async function createShop(name = "acme-shop"): Promise<ShopIds> {
  const ip = (await create("Ip", { tags: ["shop"] })).id;
  const lb = (
    await create("LoadBalancer", {
      name,
      description: "ACME online shop",
      tags: ["shop", "prod"],
      ipIds: [ip],
    })
  ).id;
  const site = (
    await create("Certificate", {
      lbId: lb,
      name: "site",
      letsencrypt: { commonName: "shop.acme-corp.fr", subjectAlternativeNames: ["www.acme-corp.fr"] },
    })
  ).id;
  const legacy = (
    await create("Certificate", {
      lbId: lb,
      name: "legacy",
      customCertificate: { certificateChain: LEGACY_CHAIN },
    })
  ).id;
  const app = (
    await create("Backend", {
      lbId: lb,
      name: "app",
      forwardProtocol: "http",
      forwardPort: 8080,
      serverIps: ["10.0.0.11", "10.0.0.12"],
      healthCheck: {
        httpConfig: { uri: "/healthz", code: 200 },
        checkDelay: "10s",
        checkTimeout: "2s",
        checkMaxRetries: 3,
      },
      timeoutServer: "30s",
    })
  ).id;
  const api = (
    await create("Backend", {
      lbId: lb,
      name: "api",
      forwardProtocol: "http",
      forwardPort: 9000,
      forwardPortAlgorithm: "leastconn",
      serverIps: ["10.0.1.21", "2001:db8::21"],
      healthCheck: {
        port: 9001,
        httpConfig: { uri: "/ready", method: "HEAD" },
        transientCheckDelay: "250ms",
      },
    })
  ).id;
  const https = (
    await create("Frontend", {
      lbId: lb,
      name: "https",
      backendId: app,
      inboundPort: 443,
      certificateIds: [site, legacy],
      timeoutClient: "30s",
      enableHttp3: true,
    })
  ).id;
  const http = (await create("Frontend", { lbId: lb, name: "http", backendId: app, inboundPort: 80 })).id;
  const route = (await create("Route", { frontendId: https, backendId: api, match: { pathBegin: "/api" } }))
    .id;
  const toHttps = (
    await create("Acl", {
      frontendId: http,
      name: "to-https",
      index: 0,
      action: { type: "redirect", redirect: { type: "scheme", target: "https", code: 301 } },
    })
  ).id;
  const denyBots = (
    await create("Acl", {
      frontendId: https,
      name: "deny-bots",
      index: 1,
      action: { type: "deny" },
      match: { ipSubnet: ["192.0.2.0/24"], httpFilter: "path_begin", httpFilterValue: ["/admin"] },
    })
  ).id;
  return { ip, lb, site, legacy, app, api, https, http, route, toHttps, denyBots };
}

/** The bare UUID of a zoned id. */
export function bare(zoned: string): string {
  return zoned.slice(zoned.indexOf("/") + 1);
}
