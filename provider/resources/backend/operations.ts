/**
 * Backend API calls. Three endpoints update a backend independently — the backend itself, its
 * health check and its server list — and an update calls exactly those whose fields changed,
 * each with a full body built from the desired state (the API replaces what it is given).
 */
import type { Backend, BackendSettings, HealthCheckSpec } from "../../client";
import { byId, createdBy, deleteById } from "../by-id";
import { splitId } from "../ids";
import { propFrom, propsFrom, requestBody } from "../mapping";
import type { Operations, Props } from "../operations";
import { sameNameIn } from "../same-name";
import { backendDefinition } from "./definition";

export const backendOperations: Operations<typeof backendDefinition> = {
  create: createdBy(backendDefinition, (api, inputs) =>
    api.createBackend(requestBody(backendDefinition, inputs, { create: true })),
  ),
  read: byId(backendDefinition, { get: (api, { zone, id }) => api.getBackend({ zone, backendId: id }) }).read,

  async update(ctx, id, _olds, news, endpoints) {
    const { zone, id: backendId } = splitId(id, ctx.env.defaultZone);
    let props: Props | undefined;
    if (endpoints.includes("backend")) {
      const settings = requestBody<BackendSettings>(backendDefinition, news, { endpoint: "backend" });
      props = backendProps(zone, await ctx.api.updateBackend({ zone, backendId, ...settings }));
    }
    if (endpoints.includes("healthCheck")) {
      const { healthCheck } = requestBody<{ healthCheck: HealthCheckSpec }>(backendDefinition, news, {
        endpoint: "healthCheck",
      });
      const check = await ctx.api.updateHealthCheck({ zone, backendId, ...healthCheck });
      props = {
        ...props,
        healthCheck: propFrom(backendDefinition, "healthCheck", { healthCheck: check }, zone),
      };
    }
    if (endpoints.includes("servers")) {
      const { serverIp } = requestBody<{ serverIp: string[] }>(backendDefinition, news, {
        endpoint: "servers",
      });
      props = backendProps(zone, await ctx.api.setBackendServers({ zone, backendId, serverIp }));
    }
    return props;
  },

  delete: deleteById((api, { zone, id }) => api.deleteBackend({ zone, backendId: id })),

  findEarlierAttempts: sameNameIn(backendDefinition, (api, q) =>
    api.listAllBackends({ zone: q.zone, lbId: q.parentId, name: q.name }),
  ),
};

/** The API's backend in the provider's shape: exactly what check produces for the same settings. */
export function backendProps(zone: string, b: Backend): Props {
  return propsFrom(backendDefinition, b, zone);
}
