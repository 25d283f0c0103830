/**
 * Flexible IP API calls: create, PATCH (only the changed fields exist in a PATCH), release.
 *
 * IPs have no name, so a create marks its IP with a tag carrying the creation key
 * (`pulumi-scaleway-lb-create-<key>`): the next attempt of an interrupted create finds the IP by
 * that tag (earlier-attempt.ts). The tag is not part of the resource's `tags` (never shown, never a
 * diff) and goes away with the next change of the tags.
 */
import type { Ip, Requests } from "../../client";
import { CREATION_TAG_PREFIX } from "../../client/schemas/ip";
import { RESERVED_INPUTS } from "../../core/check-resource";
import { byId, createdBy, deleteById, updatedBy } from "../by-id";
import { zonedId } from "../ids";
import { propsFrom, requestBody } from "../mapping";
import type { Operations, Props } from "../operations";
import { ipDefinition } from "./definition";

export const ipOperations: Operations<typeof ipDefinition> = {
  create: createdBy(ipDefinition, (api, inputs) =>
    api.createIp({
      ...requestBody<Requests["createIp"]>(ipDefinition, inputs, { create: true }),
      tags: [...inputs.tags, ...creationTag(inputs)],
    }),
  ),
  read: byId(ipDefinition, { get: (api, { zone, id }) => api.getIp({ zone, ipId: id }) }).read,
  // An absent reverse is the server's to choose: a PATCH leaves it out.
  update: updatedBy(ipDefinition, "ip", (api, { zone, id }, news) =>
    api.updateIp({
      ...requestBody<Requests["updateIp"]>(ipDefinition, news, { endpoint: "ip" }, { patch: true }),
      zone,
      ipId: id,
    }),
  ),

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
