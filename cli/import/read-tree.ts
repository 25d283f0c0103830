/**
 * Reads a live load balancer tree through the API: the LB, its flexible IPs, its backends,
 * frontends, certificates and private network attachments (with their private IPs from IPAM, one
 * call when there are any), and the routes and ACLs of each frontend. Reads only. Each object
 * is mapped with the provider's own mapping (lbProps, backendProps, …): the props a resource's
 * `read` returns, which adoption compares the declared arguments with.
 */
import type { LbClient } from "../../provider/client/client";
import { regionOf } from "../../provider/core/zoned-id";
import { aclProps } from "../../provider/resources/acl/operations";
import { backendProps } from "../../provider/resources/backend/operations";
import { certificateProps } from "../../provider/resources/certificate/operations";
import { frontendProps } from "../../provider/resources/frontend/operations";
import { zonedId } from "../../provider/resources/ids";
import { ipProps } from "../../provider/resources/ip/operations";
import { lbProps } from "../../provider/resources/load-balancer/operations";
import { unlessGone } from "../../provider/resources/notfound";
import { attachmentProps, formatAttachmentId } from "../../provider/resources/private-network/operations";
import { routeProps } from "../../provider/resources/route/operations";
import type { LiveObject, LiveTree } from "./tree";

/** The tree of the load balancer `lbId` (a bare UUID) in `zone`, or undefined when it does not exist. */
export async function readTree(api: LbClient, zone: string, lbId: string): Promise<LiveTree | undefined> {
  const lb = await unlessGone(() => api.getLb({ zone, lbId }));
  if (!lb) return undefined;

  const [ips, backends, frontends, certificates, attachments] = await Promise.all([
    // The LB embeds its IPs; the Ip resource reads them with getIp, so the import does too.
    Promise.all(lb.ip.map((ip) => unlessGone(() => api.getIp({ zone, ipId: ip.id })))),
    api.listAllBackends({ zone, lbId }),
    api.listAllFrontends({ zone, lbId }),
    api.listAllCertificates({ zone, lbId }),
    api.listAllLbPrivateNetworks({ zone, lbId }),
  ]);
  const privateIps = attachments.some((a) => a.ipamIds.length > 0)
    ? await api.listAllIpamIps({ region: regionOf(zone), resourceId: lbId, resourceType: "lb_server" })
    : [];
  const perFrontend = await Promise.all(
    frontends.map(async (frontend) => {
      const [routes, acls] = await Promise.all([
        api.listAllRoutes({ zone, frontendId: frontend.id }),
        api.listAllAcls({ zone, frontendId: frontend.id }),
      ]);
      return { routes, acls };
    }),
  );

  const live = (kind: LiveObject["kind"], id: string, props: LiveObject["props"]): LiveObject => ({
    kind,
    id: zonedId(zone, id),
    props,
  });
  return {
    zone,
    lb: live("LoadBalancer", lb.id, lbProps(zone, lb)),
    ips: ips.flatMap((ip) => (ip ? [live("Ip", ip.id, ipProps(zone, ip))] : [])),
    certificates: certificates.map((c) => live("Certificate", c.id, certificateProps(zone, c))),
    backends: backends.map((b) => live("Backend", b.id, backendProps(zone, b))),
    frontends: frontends.map((f) => live("Frontend", f.id, frontendProps(zone, f))),
    routes: perFrontend.flatMap(({ routes }) => routes.map((r) => live("Route", r.id, routeProps(zone, r)))),
    acls: perFrontend.flatMap(({ acls }) => acls.map((a) => live("Acl", a.id, aclProps(zone, a)))),
    privateNetworks: attachments.map((a) => ({
      kind: "PrivateNetwork",
      id: formatAttachmentId({ zone, lbId, privateNetworkId: a.privateNetworkId }),
      props: attachmentProps(zone, a, privateIps),
    })),
  };
}
