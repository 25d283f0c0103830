/**
 * The "shop" load balancer tree that the import command is shown and tested on: a flexible IP,
 * an LB on it, a Let's Encrypt certificate (and optionally an uploaded one), two HTTP backends with
 * health checks and pools, two frontends, a path route and two ACLs, and optionally an attachment
 * to a private network that already exists. Built through the provider's
 * own create, so every object is what a Pulumi program would have made.
 */

/** Creates one resource of a kind from its arguments and returns its zoned id. */
export type CreateResource = (kind: string, args: Record<string, unknown>) => Promise<string>;

export interface ShopIds {
  readonly ip: string;
  readonly lb: string;
  readonly site: string;
  /** The uploaded certificate, when a chain was given. */
  readonly legacy: string | undefined;
  readonly app: string;
  readonly api: string;
  readonly https: string;
  readonly http: string;
  readonly route: string;
  readonly toHttps: string;
  readonly denyBots: string;
  /** The LB's attachment to the private network, when one was given. */
  readonly attachment: string | undefined;
}

export interface ShopOptions {
  /** The LB's name. Default: acme-shop. */
  readonly name?: string;
  /** PEM (certificate and key) of an uploaded certificate to add; none when left out. */
  readonly uploadedChain?: string;
  /** A VPC private network (regional id) to attach the LB to; none when left out. */
  readonly privateNetworkId?: string;
}

export async function createShopTree(create: CreateResource, options: ShopOptions = {}): Promise<ShopIds> {
  const ip = await create("Ip", { tags: ["shop"] });
  const lb = await create("LoadBalancer", {
    name: options.name ?? "acme-shop",
    description: "ACME online shop",
    tags: ["shop", "prod"],
    ipIds: [ip],
  });
  const attachment =
    options.privateNetworkId === undefined
      ? undefined
      : await create("PrivateNetwork", { lbId: lb, privateNetworkId: options.privateNetworkId });
  const site = await create("Certificate", {
    lbId: lb,
    name: "site",
    letsencrypt: { commonName: "shop.acme-corp.fr", subjectAlternativeNames: ["www.acme-corp.fr"] },
  });
  const legacy =
    options.uploadedChain === undefined
      ? undefined
      : await create("Certificate", {
          lbId: lb,
          name: "legacy",
          customCertificate: { certificateChain: options.uploadedChain },
        });
  const app = await create("Backend", {
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
  });
  const api = await create("Backend", {
    lbId: lb,
    name: "api",
    forwardProtocol: "http",
    forwardPort: 9000,
    forwardPortAlgorithm: "leastconn",
    serverIps: ["10.0.1.21", "2001:db8::21"],
    healthCheck: { port: 9001, httpConfig: { uri: "/ready", method: "HEAD" }, transientCheckDelay: "250ms" },
  });
  const https = await create("Frontend", {
    lbId: lb,
    name: "https",
    backendId: app,
    inboundPort: 443,
    certificateIds: legacy === undefined ? [site] : [site, legacy],
    timeoutClient: "30s",
    enableHttp3: true,
  });
  const http = await create("Frontend", { lbId: lb, name: "http", backendId: app, inboundPort: 80 });
  const route = await create("Route", { frontendId: https, backendId: api, match: { pathBegin: "/api" } });
  const toHttps = await create("Acl", {
    frontendId: http,
    name: "to-https",
    index: 0,
    action: { type: "redirect", redirect: { type: "scheme", target: "https", code: 301 } },
  });
  const denyBots = await create("Acl", {
    frontendId: https,
    name: "deny-bots",
    index: 1,
    action: { type: "deny" },
    match: { ipSubnet: ["192.0.2.0/24"], httpFilter: "path_begin", httpFilterValue: ["/admin"] },
  });
  return { ip, lb, site, legacy, app, api, https, http, route, toHttps, denyBots, attachment };
}
