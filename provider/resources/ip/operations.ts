/**
 * Flexible IP API calls: create, PATCH (only the changed fields exist in a PATCH), release.
 *
 * IPs have no name, so a create marks its IP with a tag carrying the creation key
 * (`pulumi-scaleway-lb-create-<key>`): the next attempt of an interrupted create finds the IP by
 * that tag (earlier-attempt.ts). The tag is not part of the resource's `tags` (never shown, never a
 * diff) and goes away with the next change of the tags.
 */
import type { CreateIpRequest, Ip, UpdateIpRequest } from "../../client/model/ip";
import { RESERVED_INPUTS } from "../../core/check-resource";
import { byId, deleteById } from "../by-id";
import { splitId, zonedId } from "../ids";
import { propsFrom, requestBody } from "../mapping";
import type { Operations, Props } from "../operations";
import { CREATION_TAG_PREFIX, ipDefinition } from "./definition";

const ip = byId(ipDefinition, {
  get: (api, { zone, id }) => api.getIp({ zone, ipId: id }),
});

export const ipOperations: Operations<typeof ipDefinition> = {
  async create(ctx, inputs) {
    const body = requestBody<CreateIpRequest>(ipDefinition, inputs, { create: true });
    const created = await ctx.api.createIp({ ...body, tags: [...inputs.tags, ...creationTag(inputs)] });
    return { id: zonedId(inputs.zone, created.id), outs: ipProps(inputs.zone, created) };
  },

  read: ip.read,

  async update(ctx, id, _olds, news, endpoints) {
    if (!endpoints.includes("ip")) return undefined;
    const { zone, id: ipId } = splitId(id, ctx.env.defaultZone);
    // An absent reverse is the server's to choose: a PATCH leaves it out.
    const changes = requestBody<UpdateIpRequest>(ipDefinition, news, { endpoint: "ip" }, { patch: true });
    return ipProps(zone, await ctx.api.updateIp({ ...changes, zone, ipId }));
  },

  delete: deleteById((api, { zone, id }) => api.releaseIp({ zone, ipId: id })),

  async findEarlierAttempts(ctx, inputs) {
    const [tag] = creationTag(inputs);
    if (tag === undefined) return [];
    const { zone, projectId } = inputs;
    const ips = await ctx.api.listAllIps({ zone, projectId, tags: [tag] });
    return ips
      .filter((found) => found.tags.includes(tag))
      .map((found) => ({ id: zonedId(zone, found.id), props: ipProps(zone, found) }));
  },
};

/** The mark of this create's IP: the creation key check gave the inputs of a new resource. */
function creationTag(inputs: object): string[] {
  const key: unknown = Reflect.get(inputs, RESERVED_INPUTS.creationKey);
  return typeof key === "string" ? [`${CREATION_TAG_PREFIX}${key}`] : [];
}

export function ipProps(zone: string, found: Ip): Props {
  return propsFrom(ipDefinition, found, zone);
}
