/**
 * The operations zoned kinds share: split the zoned id, call the API, treat "gone" as an answer,
 * map the object by the definition. A kind passes only its API calls, and a props hook when its
 * state needs more than the object (e.g. the load balancer's IPAM addresses).
 */
import type { LbClient } from "../client";
import type { ResourceDefinition } from "../core/property";
import type { ZonedId } from "../core/zoned-id";
import type { ResourceContext } from "./context";
import { splitId, zonedId } from "./ids";
import { propsFrom } from "./mapping";
import { lastSeen, unlessGone } from "./notfound";
import { CreatedButFailed, type EndpointOf, type InputsOf, type Operations, type Props } from "./operations";

export interface ByIdCalls<T> {
  /** The object by zone and bare id; a 404 means it is gone. */
  get(api: LbClient, ref: ZonedId): Promise<T>;
  /** Its props; default: mapped by the definition. */
  props?(ctx: ResourceContext, zone: string, object: T): Props | Promise<Props>;
}

export interface ByIdOperations<T> {
  read(ctx: ResourceContext, id: string): Promise<Props | undefined>;
  /** The props of an answered object, as read maps them. */
  props(ctx: ResourceContext, zone: string, object: T): Promise<Props>;
}

export function byId<T>(definition: ResourceDefinition, calls: ByIdCalls<T>): ByIdOperations<T> {
  const props = async (ctx: ResourceContext, zone: string, object: T): Promise<Props> =>
    calls.props ? calls.props(ctx, zone, object) : propsFrom(definition, object, zone);
  return {
    props,
    async read(ctx, id) {
      const ref = splitId(id, ctx.env.defaultZone);
      const object = await unlessGone(() => calls.get(ctx.api, ref));
      return object === undefined ? undefined : props(ctx, ref.zone, object);
    },
  };
}

/** The delete of a kind whose object goes with one call; a 404 means it was already gone. */
export function deleteById(
  remove: (api: LbClient, ref: ZonedId) => Promise<unknown>,
): (ctx: ResourceContext, id: string) => Promise<void> {
  return async (ctx, id) => {
    const ref = splitId(id, ctx.env.defaultZone);
    await unlessGone(() => remove(ctx.api, ref));
  };
}

/** A create that is one call: the answered object gets its zoned id and is mapped by the definition. */
export function createdBy<D extends ResourceDefinition, T extends { readonly id: string }>(
  definition: D,
  create: (api: LbClient, inputs: InputsOf<D>) => Promise<T>,
): Operations<D>["create"] {
  return async (ctx, inputs) => {
    const zone = (inputs as { readonly zone: string }).zone;
    const created = await create(ctx.api, inputs);
    return { id: zonedId(zone, created.id), outs: propsFrom(definition, created, zone) };
  };
}

/**
 * A create that waits until the object is ready (e.g. a load balancer, a Let's Encrypt
 * certificate). When the wait fails, the object exists all the same: the error carries it as one
 * more read finds it (e.g. in `error`), not as the create answered it, so state records it.
 */
export function createdWhenReady<D extends ResourceDefinition, T extends { readonly id: string }>(
  definition: D,
  calls: {
    create(api: LbClient, inputs: InputsOf<D>): Promise<T>;
    /** Until ready; `seen` is the create's answer (no read repeats it; no call if it is ready). */
    wait(api: LbClient, ref: ZonedId, seen: T): Promise<T>;
    get(api: LbClient, ref: ZonedId): Promise<T>;
    /** Props of the ready object; default: mapped by the definition. */
    props?(ctx: ResourceContext, zone: string, object: T): Promise<Props>;
  },
): Operations<D>["create"] {
  return async (ctx, inputs) => {
    const zone = (inputs as { readonly zone: string }).zone;
    const created = await calls.create(ctx.api, inputs);
    const ref = { zone, id: created.id };
    const id = zonedId(zone, created.id);
    try {
      const ready = await calls.wait(ctx.api, ref, created);
      return {
        id,
        outs: calls.props ? await calls.props(ctx, zone, ready) : propsFrom(definition, ready, zone),
      };
    } catch (error) {
      const last = await lastSeen(() => calls.get(ctx.api, ref));
      throw new CreatedButFailed(id, propsFrom(definition, last ?? created, zone), error);
    }
  };
}

/**
 * The update of a kind with one update endpoint, whose call answers the object: made only when
 * diff named that endpoint, the answer mapped by the definition.
 */
export function updatedBy<D extends ResourceDefinition, T>(
  definition: D,
  endpoint: EndpointOf<D>,
  update: (api: LbClient, ref: ZonedId, news: InputsOf<D>) => Promise<T>,
): Operations<D>["update"] {
  return async (ctx, id, _olds, news, endpoints) => {
    if (!endpoints.includes(endpoint)) return undefined;
    const ref = splitId(id, ctx.env.defaultZone);
    return propsFrom(definition, await update(ctx.api, ref, news), ref.zone);
  };
}
