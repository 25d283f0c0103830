/** ACL API calls: one PUT carries the name, index, action and match. */
import type { Acl, AclSpec } from "../../client";
import { splitId, zonedId } from "../ids";
import { unlessGone } from "../notfound";
import type { Operations, Props } from "../operations";
import { bool, defined, int, obj, oneOf, optInt, optStr, str, strs } from "../props";
import { HTTP_FILTERS } from "./definition";

export const aclOperations: Operations = {
  async create(ctx, inputs) {
    const zone = str(inputs, "zone");
    const acl = await ctx.api.createAcl({
      zone,
      frontendId: splitId(str(inputs, "frontendId"), zone).id,
      ...spec(inputs),
    });
    return { id: zonedId(zone, acl.id), outs: aclProps(zone, acl) };
  },

  async read(ctx, id) {
    const { zone, id: aclId } = splitId(id, ctx.env.defaultZone);
    const acl = await unlessGone(() => ctx.api.getAcl({ zone, aclId }));
    return acl && aclProps(zone, acl);
  },

  async update(ctx, id, _olds, news, endpoints) {
    if (!endpoints.includes("acl")) return undefined;
    const { zone, id: aclId } = splitId(id, ctx.env.defaultZone);
    return aclProps(zone, await ctx.api.updateAcl({ zone, aclId, ...spec(news) }));
  },

  async delete(ctx, id) {
    const { zone, id: aclId } = splitId(id, ctx.env.defaultZone);
    await unlessGone(() => ctx.api.deleteAcl({ zone, aclId }));
  },

  async findEarlierAttempts(ctx, inputs) {
    const zone = str(inputs, "zone");
    const name = str(inputs, "name");
    const frontendId = splitId(str(inputs, "frontendId"), zone).id;
    const acls = await ctx.api.listAllAcls({ zone, frontendId, name });
    return acls
      .filter((a) => a.name === name)
      .map((a) => ({ id: zonedId(zone, a.id), props: aclProps(zone, a) }));
  },
};

function spec(p: Props): AclSpec {
  const action = obj(p, "action") ?? {};
  const redirect = obj(action, "redirect");
  const match = obj(p, "match") ?? {};
  return {
    name: str(p, "name"),
    description: str(p, "description"),
    index: int(p, "index"),
    action: {
      type: oneOf(str(action, "type"), ["allow", "deny", "redirect"] as const),
      redirect: redirect
        ? {
            type: oneOf(str(redirect, "type"), ["location", "scheme"] as const),
            target: str(redirect, "target"),
            code: optInt(redirect, "code"),
          }
        : null,
    },
    match: {
      ipSubnet: strs(match, "ipSubnet"),
      ipsEdgeServices: bool(match, "ipsEdgeServices"),
      httpFilter: oneOf(str(match, "httpFilter"), HTTP_FILTERS),
      httpFilterValue: strs(match, "httpFilterValue"),
      httpFilterOption: optStr(match, "httpFilterOption"),
      invert: bool(match, "invert"),
    },
  };
}

export function aclProps(zone: string, a: Acl): Props {
  const m = a.match;
  return defined({
    zone,
    frontendId: zonedId(zone, a.frontend.id),
    name: a.name,
    description: a.description,
    index: a.index,
    action: defined({
      type: a.action.type,
      redirect: a.action.redirect
        ? defined({
            type: a.action.redirect.type,
            target: a.action.redirect.target,
            code: a.action.redirect.code,
          })
        : null,
    }),
    match: m
      ? defined({
          ipSubnet: m.ipSubnet,
          ipsEdgeServices: m.ipsEdgeServices,
          httpFilter: m.httpFilter,
          httpFilterValue: m.httpFilterValue,
          httpFilterOption: m.httpFilterOption,
          invert: m.invert,
        })
      : null,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  });
}
