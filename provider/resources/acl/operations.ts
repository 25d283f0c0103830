/** ACL API calls: one PUT carries the name, index, action and match. */
import type { Acl, AclSpec } from "../../client";
import { byId, createdBy, deleteById, updatedBy } from "../by-id";
import { propsFrom, requestBody } from "../mapping";
import type { Operations, Props } from "../operations";
import { sameNameIn } from "../same-name";
import { aclDefinition } from "./definition";

export const aclOperations: Operations<typeof aclDefinition> = {
  create: createdBy(aclDefinition, (api, inputs) =>
    api.createAcl(requestBody(aclDefinition, inputs, { create: true })),
  ),
  read: byId(aclDefinition, { get: (api, { zone, id }) => api.getAcl({ zone, aclId: id }) }).read,
  update: updatedBy(aclDefinition, "acl", (api, { zone, id }, news) =>
    api.updateAcl({ zone, aclId: id, ...requestBody<AclSpec>(aclDefinition, news, { endpoint: "acl" }) }),
  ),
  delete: deleteById((api, { zone, id }) => api.deleteAcl({ zone, aclId: id })),
  findEarlierAttempts: sameNameIn(aclDefinition, (api, q) =>
    api.listAllAcls({ zone: q.zone, frontendId: q.parentId, name: q.name }),
  ),
};

export function aclProps(zone: string, a: Acl): Props {
  return propsFrom(aclDefinition, a, zone);
}
