/**
 * Hand-built live trees for the import's unit tests: each object's props shaped exactly as the
 * provider's mapping of an API answer (lbProps, backendProps, …) gives them, server defaults
 * included, so the tests see what the import sees.
 */

import type { Kind, LiveObject, LiveTree } from "../../../cli/import/tree";
import type { Json } from "../../../provider/core/property";

export const ZONE = "fr-par-1";
export const PROJECT = "11111111-2222-4333-8444-555555555555";
const STAMP = { createdAt: "2026-01-02T03:04:05Z", updatedAt: "2026-01-02T03:04:05Z" };

type Props = Record<string, Json>;

/** A zoned id whose last digits are `n`, e.g. id("lb", 1). */
export function id(n: number): string {
  return `${ZONE}/00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

function object(kind: Kind, n: number, props: Props): LiveObject {
  return { kind, id: id(n), props: { zone: ZONE, ...props } };
}

export function ip(n: number, overrides: Props = {}): LiveObject {
  const address = typeof overrides.ipAddress === "string" ? overrides.ipAddress : `51.158.70.${n}`;
  return object("Ip", n, {
    projectId: PROJECT,
    isIpv6: false,
    reverse: `${address.replaceAll(".", "-")}.lb.fr-par.scw.cloud`,
    tags: [],
    ipAddress: address,
    lbId: "",
    organizationId: PROJECT,
    region: "fr-par",
    ...overrides,
  });
}

export function lb(n: number, overrides: Props = {}): LiveObject {
  return object("LoadBalancer", n, {
    projectId: PROJECT,
    name: "shop",
    description: "",
    type: "lb-s",
    tags: [],
    sslCompatibilityLevel: "ssl_compatibility_level_intermediate",
    ipIds: [],
    status: "ready",
    ipAddress: "",
    ipAddresses: [],
    organizationId: PROJECT,
    region: "fr-par",
    ...STAMP,
    ...overrides,
  });
}

export function backend(n: number, lbN: number, overrides: Props = {}): LiveObject {
  const forwardPort = typeof overrides.forwardPort === "number" ? overrides.forwardPort : 8080;
  return object("Backend", n, {
    lbId: id(lbN),
    name: "app",
    forwardProtocol: "tcp",
    forwardPort,
    forwardPortAlgorithm: "roundrobin",
    stickySessions: "none",
    stickySessionsCookieName: "",
    serverIps: [],
    healthCheck: {
      port: forwardPort,
      checkDelay: 3000,
      checkTimeout: 1000,
      checkMaxRetries: 2,
      checkSendProxy: false,
      transientCheckDelay: 500,
      tcpConfig: {},
    },
    timeoutServer: 300_000,
    timeoutConnect: 5000,
    timeoutTunnel: 900_000,
    onMarkedDownAction: "on_marked_down_action_none",
    proxyProtocol: "proxy_protocol_none",
    sslBridging: false,
    ignoreSslServerVerify: false,
    maxRetries: 3,
    host: "",
    ...STAMP,
    ...overrides,
  });
}

export function frontend(n: number, lbN: number, backendN: number, overrides: Props = {}): LiveObject {
  return object("Frontend", n, {
    lbId: id(lbN),
    name: "http",
    backendId: id(backendN),
    inboundPort: 80,
    timeoutClient: 300_000,
    certificateIds: [],
    enableHttp3: false,
    connectionRateLimit: 0,
    enableAccessLogs: false,
    ...STAMP,
    ...overrides,
  });
}

export function route(n: number, frontendN: number, backendN: number, match: Props): LiveObject {
  return object("Route", n, {
    frontendId: id(frontendN),
    backendId: id(backendN),
    match: { matchSubdomains: false, ...match },
    ...STAMP,
  });
}

export function acl(n: number, frontendN: number, overrides: Props = {}): LiveObject {
  return object("Acl", n, {
    frontendId: id(frontendN),
    name: "acl",
    description: "",
    index: 0,
    action: { type: "allow" },
    match: {
      ipSubnet: ["0.0.0.0/0"],
      ipsEdgeServices: false,
      httpFilter: "acl_http_filter_none",
      httpFilterValue: [],
      invert: false,
    },
    ...STAMP,
    ...overrides,
  });
}

export function letsencrypt(n: number, lbN: number, name: string, commonName: string): LiveObject {
  return object("Certificate", n, {
    lbId: id(lbN),
    name,
    letsencrypt: { commonName, subjectAlternativeNames: [] },
    type: "letsencrypt",
    status: "ready",
    commonName,
    subjectAlternativeNames: [],
    fingerprint: "718bb49c54ebc8fa9a79443d31831d4c9ce08046",
    notValidBefore: "2026-01-02T03:04:05Z",
    notValidAfter: "2026-04-02T03:04:05Z",
    ...STAMP,
  });
}

export function customCertificate(n: number, lbN: number, name: string, commonName: string): LiveObject {
  return object("Certificate", n, {
    lbId: id(lbN),
    name,
    type: "custom",
    status: "ready",
    commonName,
    subjectAlternativeNames: [],
    fingerprint: "a1b2c3",
    notValidBefore: "2026-01-02T03:04:05Z",
    notValidAfter: "2027-01-02T03:04:05Z",
    ...STAMP,
  });
}

/** An attachment of LB `lbN` to private network `pn` (a UUID), with the IPAM IP it holds. */
export function attachment(lbN: number, pn: string, ipam: string, overrides: Props = {}): LiveObject {
  const lbUuid = id(lbN).slice(ZONE.length + 1);
  return {
    kind: "PrivateNetwork",
    id: `${ZONE}/${lbUuid}/${pn}`,
    props: {
      lbId: id(lbN),
      zone: ZONE,
      privateNetworkId: `fr-par/${pn}`,
      ipamIds: [`fr-par/${ipam}`],
      staticConfig: null,
      status: "ready",
      privateIps: [{ id: `fr-par/${ipam}`, ipAddress: "172.16.32.2" }],
      ...STAMP,
      ...overrides,
    },
  };
}

/** A tree with the given children; the LB is object 1 and every list defaults to empty. */
export function tree(parts: Partial<Omit<LiveTree, "zone">> & { lb: LiveObject }): LiveTree {
  return {
    zone: ZONE,
    ips: [],
    certificates: [],
    backends: [],
    frontends: [],
    routes: [],
    acls: [],
    privateNetworks: [],
    ...parts,
  };
}

/**
 * The shop: an IP, an LB on it, a Let's Encrypt and a custom certificate, two backends, two
 * frontends, a route and two ACLs, with a few non-default settings of every kind.
 */
export function shopTree(): LiveTree {
  return tree({
    lb: lb(1, {
      name: "shop",
      description: "the shop",
      tags: ["prod"],
      ipIds: [id(2)],
      ipAddress: "51.158.70.2",
    }),
    ips: [ip(2, { lbId: id(1), tags: ["prod"] })],
    certificates: [
      letsencrypt(3, 1, "shop-acme", "shop.acme-corp.fr"),
      customCertificate(4, 1, "legacy", "legacy.acme-corp.fr"),
    ],
    backends: [
      backend(5, 1, {
        name: "app",
        forwardProtocol: "http",
        serverIps: ["10.0.0.11", "10.0.0.12"],
        healthCheck: {
          port: 8080,
          checkDelay: 10_000,
          checkTimeout: 2000,
          checkMaxRetries: 3,
          checkSendProxy: false,
          transientCheckDelay: 500,
          httpConfig: { uri: "/healthz", method: "GET", code: 200, hostHeader: "" },
        },
        timeoutServer: 30_000,
      }),
      backend(6, 1, {
        name: "api",
        forwardProtocol: "http",
        forwardPort: 9000,
        forwardPortAlgorithm: "leastconn",
        serverIps: ["10.0.1.21"],
        healthCheck: {
          port: 9001,
          checkDelay: 3000,
          checkTimeout: 1000,
          checkMaxRetries: 2,
          checkSendProxy: false,
          transientCheckDelay: 250,
          httpConfig: { uri: "/", method: "GET", hostHeader: "" },
        },
      }),
    ],
    frontends: [
      frontend(7, 1, 5, {
        name: "https",
        inboundPort: 443,
        certificateIds: [id(3), id(4)],
        timeoutClient: 30_000,
      }),
      frontend(8, 1, 5, { name: "http", inboundPort: 80 }),
    ],
    routes: [route(9, 7, 6, { pathBegin: "/api" })],
    acls: [
      acl(10, 8, {
        name: "to-https",
        action: { type: "redirect", redirect: { type: "scheme", target: "https", code: 301 } },
      }),
      acl(11, 7, {
        name: "deny-bots",
        index: 1,
        action: { type: "deny" },
        match: {
          ipSubnet: ["192.0.2.0/24"],
          ipsEdgeServices: false,
          httpFilter: "acl_http_filter_none",
          httpFilterValue: [],
          invert: false,
        },
      }),
    ],
  });
}
