/** ACL API calls: one PUT carries the name, index, action and match. */
import type { Acl, AclSpec, CreateAclRequest } from "../../client/model/acl";
import { byId, deleteById } from "../by-id";
import { splitId, zonedId } from "../ids";
import { propsFrom, requestBody } from "../mapping";
import type { Operations, Props } from "../operations";
import { sameNameIn } from "../same-name";
import { aclDefinition } from "./definition";

const acl = byId(aclDefinition, {
  get: (api, { zone, id }) => api.getAcl({ zone, aclId: id }),
});

export const aclOperations: Operations<typeof aclDefinition> = {
  async create(ctx, inputs) {
    const created = await ctx.api.createAcl(
      requestBody<CreateAclRequest>(aclDefinition, inputs, { create: true }),
    );
    return { id: zonedId(inputs.zone, created.id), outs: aclProps(inputs.zone, created) };
  },

  read: acl.read,

  async update(ctx, id, _olds, news, endpoints) {
    if (!endpoints.includes("acl")) return undefined;
    const { zone, id: aclId } = splitId(id, ctx.env.defaultZone);
    const spec = requestBody<AclSpec>(aclDefinition, news, { endpoint: "acl" });
    return aclProps(zone, await ctx.api.updateAcl({ zone, aclId, ...spec }));
  },

  delete: deleteById((api, { zone, id }) => api.deleteAcl({ zone, aclId: id })),

  findEarlierAttempts: sameNameIn(aclDefinition, (api, q) =>
    api.listAllAcls({ zone: q.zone, frontendId: q.parentId, name: q.name }),
  ),
};

export function aclProps(zone: string, a: Acl): Props {
  return propsFrom(aclDefinition, a, zone);
}
