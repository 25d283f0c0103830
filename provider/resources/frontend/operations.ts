/** Frontend API calls: one PUT carries every setting, including the backend it points to. */
import type { Frontend, FrontendSettings } from "../../client";
import { byId, createdBy, deleteById, updatedBy } from "../by-id";
import { propsFrom, requestBody } from "../mapping";
import type { Operations, Props } from "../operations";
import { sameNameIn } from "../same-name";
import { frontendDefinition } from "./definition";

export const frontendOperations: Operations<typeof frontendDefinition> = {
  create: createdBy(frontendDefinition, (api, inputs) =>
    api.createFrontend(requestBody(frontendDefinition, inputs, { create: true })),
  ),
  read: byId(frontendDefinition, { get: (api, { zone, id }) => api.getFrontend({ zone, frontendId: id }) })
    .read,
  update: updatedBy(frontendDefinition, "frontend", (api, { zone, id }, news) =>
    api.updateFrontend({
      zone,
      frontendId: id,
      ...requestBody<FrontendSettings>(frontendDefinition, news, { endpoint: "frontend" }),
    }),
  ),
  delete: deleteById((api, { zone, id }) => api.deleteFrontend({ zone, frontendId: id })),
  findEarlierAttempts: sameNameIn(frontendDefinition, (api, q) =>
    api.listAllFrontends({ zone: q.zone, lbId: q.parentId, name: q.name }),
  ),
};

export function frontendProps(zone: string, f: Frontend): Props {
  return propsFrom(frontendDefinition, f, zone);
}
