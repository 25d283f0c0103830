import * as scw from "pulumi-scaleway-lb";

// One load balancer per zone; children follow their parent's zone on their own.
const zones = { paris: "fr-par-1", amsterdam: "nl-ams-1" } as const;

const sites = Object.entries(zones).map(([site, zone]) => {
  const ip = new scw.Ip(`${site}-ip`, { zone, tags: ["multi-zone", site] });
  const lb = new scw.LoadBalancer(`${site}`, { zone, ipIds: [ip.id], tags: ["multi-zone", site] });
  const db = new scw.Backend(`${site}-postgres`, {
    lbId: lb.id,
    forwardPort: 5432,
    serverIps: site === "paris" ? ["10.10.0.5", "10.10.0.6"] : ["10.20.0.5"],
    healthCheck: { pgsqlConfig: { user: "healthcheck" } },
    onMarkedDownAction: "shutdown_sessions",
  });
  new scw.Frontend(`${site}-postgres`, {
    lbId: lb.id,
    backendId: db.id,
    inboundPort: 5432,
    timeoutClient: "1h",
  });
  return { site, zone, address: ip.ipAddress, lb: lb.id };
});

export const addresses = Object.fromEntries(sites.map((s) => [s.site, s.address]));
export const loadBalancers = Object.fromEntries(sites.map((s) => [s.site, s.lb]));
