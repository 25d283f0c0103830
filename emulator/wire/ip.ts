/** `Ip` (§3.3). */
import type { IpRecord } from "../records";
import { regionOf } from "../zones";
import type { JsonObject } from "./json";

export function renderIp(ip: IpRecord): JsonObject {
  return {
    id: ip.id,
    ip_address: ip.address,
    lb_id: ip.lbId,
    organization_id: ip.organizationId,
    project_id: ip.projectId,
    region: regionOf(ip.zone),
    reverse: ip.reverse,
    tags: [...ip.tags],
    zone: ip.zone,
  };
}
