/** `Acl` (§3.8): embeds its frontend in full. */
import type { AclRecord } from "../records";
import type { Store } from "../store";
import type { Embed } from "./embed";
import { renderFrontend } from "./frontend";
import type { JsonObject } from "./json";

export function renderAcl(store: Store, acl: AclRecord, embed: Embed): JsonObject {
  const frontend = store.frontends.get(acl.frontendId);
  if (!frontend) throw new Error(`emulator invariant: frontend ${acl.frontendId} missing for an ACL`);
  const redirect = acl.action.redirect;
  return {
    action: {
      redirect: redirect ? { code: redirect.code, target: redirect.target, type: redirect.type } : null,
      type: acl.action.type,
    },
    created_at: acl.createdAt,
    description: acl.description,
    frontend: renderFrontend(store, frontend, embed),
    id: acl.id,
    index: acl.index,
    match: {
      http_filter: acl.match.httpFilter,
      http_filter_option: acl.match.httpFilterOption,
      http_filter_value: [...acl.match.httpFilterValue],
      invert: acl.match.invert,
      ip_subnet: [...acl.match.ipSubnet],
      ips_edge_services: acl.match.ipsEdgeServices,
    },
    name: acl.name,
    updated_at: acl.updatedAt,
  };
}
