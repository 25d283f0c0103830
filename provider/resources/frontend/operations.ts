/** Frontend API calls: one PUT carries every setting, including the backend it points to. */
import type { CreateFrontendRequest, Frontend, FrontendSettings } from "../../client/model/frontend";
import { byId, deleteById } from "../by-id";
import { splitId, zonedId } from "../ids";
import { propsFrom, requestBody } from "../mapping";
import type { Operations, Props } from "../operations";
import { sameNameIn } from "../same-name";
import { frontendDefinition } from "./definition";

const frontend = byId(frontendDefinition, {
  get: (api, { zone, id }) => api.getFrontend({ zone, frontendId: id }),
});

export const frontendOperations: Operations<typeof frontendDefinition> = {
  async create(ctx, inputs) {
    const created = await ctx.api.createFrontend(
      requestBody<CreateFrontendRequest>(frontendDefinition, inputs, { create: true }),
    );
    return { id: zonedId(inputs.zone, created.id), outs: frontendProps(inputs.zone, created) };
  },

  read: frontend.read,

  async update(ctx, id, _olds, news, endpoints) {
    if (!endpoints.includes("frontend")) return undefined;
    const { zone, id: frontendId } = splitId(id, ctx.env.defaultZone);
    const settings = requestBody<FrontendSettings>(frontendDefinition, news, { endpoint: "frontend" });
    return frontendProps(zone, await ctx.api.updateFrontend({ zone, frontendId, ...settings }));
  },

  delete: deleteById((api, { zone, id }) => api.deleteFrontend({ zone, frontendId: id })),

  findEarlierAttempts: sameNameIn(frontendDefinition, (api, q) =>
    api.listAllFrontends({ zone: q.zone, lbId: q.parentId, name: q.name }),
  ),
};

export function frontendProps(zone: string, f: Frontend): Props {
  return propsFrom(frontendDefinition, f, zone);
}
