/** Frontend API calls: one PUT carries every setting, including the backend it points to. */
import type { Frontend, FrontendSettings } from "../../client";
import { splitId, zonedId } from "../ids";
import { unlessGone } from "../notfound";
import type { Operations, Props } from "../operations";
import { bool, defined, int, str, strs } from "../props";

export const frontendOperations: Operations = {
  async create(ctx, inputs) {
    const zone = str(inputs, "zone");
    const frontend = await ctx.api.createFrontend({
      zone,
      lbId: splitId(str(inputs, "lbId"), zone).id,
      ...settings(zone, inputs),
    });
    return { id: zonedId(zone, frontend.id), outs: frontendProps(zone, frontend) };
  },

  async read(ctx, id) {
    const { zone, id: frontendId } = splitId(id, ctx.env.defaultZone);
    const frontend = await unlessGone(() => ctx.api.getFrontend({ zone, frontendId }));
    return frontend && frontendProps(zone, frontend);
  },

  async update(ctx, id, _olds, news, endpoints) {
    if (!endpoints.includes("frontend")) return undefined;
    const { zone, id: frontendId } = splitId(id, ctx.env.defaultZone);
    return frontendProps(zone, await ctx.api.updateFrontend({ zone, frontendId, ...settings(zone, news) }));
  },

  async delete(ctx, id) {
    const { zone, id: frontendId } = splitId(id, ctx.env.defaultZone);
    await unlessGone(() => ctx.api.deleteFrontend({ zone, frontendId }));
  },

  async findEarlierAttempts(ctx, inputs) {
    const zone = str(inputs, "zone");
    const name = str(inputs, "name");
    const lbId = splitId(str(inputs, "lbId"), zone).id;
    const frontends = await ctx.api.listAllFrontends({ zone, lbId, name });
    return frontends
      .filter((f) => f.name === name)
      .map((f) => ({ id: zonedId(zone, f.id), props: frontendProps(zone, f) }));
  },
};

function settings(zone: string, p: Props): FrontendSettings {
  const rateLimit = int(p, "connectionRateLimit");
  return {
    name: str(p, "name"),
    inboundPort: int(p, "inboundPort"),
    backendId: splitId(str(p, "backendId"), zone).id,
    timeoutClient: int(p, "timeoutClient"),
    certificateIds: strs(p, "certificateIds").map((c) => splitId(c, zone).id),
    enableHttp3: bool(p, "enableHttp3"),
    connectionRateLimit: rateLimit === 0 ? null : rateLimit,
    enableAccessLogs: bool(p, "enableAccessLogs"),
  };
}

export function frontendProps(zone: string, f: Frontend): Props {
  return defined({
    zone,
    lbId: zonedId(zone, f.lb.id),
    name: f.name,
    backendId: zonedId(zone, f.backend.id),
    inboundPort: f.inboundPort,
    timeoutClient: f.timeoutClient,
    certificateIds: f.certificateIds.map((c) => zonedId(zone, c)),
    enableHttp3: f.enableHttp3,
    // The API answers null for "no limit", which check writes as 0.
    connectionRateLimit: f.connectionRateLimit ?? 0,
    enableAccessLogs: f.enableAccessLogs,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
  });
}
