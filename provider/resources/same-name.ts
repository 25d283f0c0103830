/**
 * The earlier attempts of a named child's create (earlier-attempt.ts): the objects of the same
 * parent carrying the generated name. The API's name filter is a substring match, hence the
 * exact comparison.
 */
import type { LbClient } from "../client";
import type { ResourceDefinition } from "../core/property";
import type { ResourceContext } from "./context";
import { splitId, zonedId } from "./ids";
import { propsFrom } from "./mapping";
import type { FoundObject } from "./operations";

interface Named {
  readonly id: string;
  readonly name: string;
}

/** The inputs every named child has: its zone, its name and its parent's id. */
type ChildInputs = { readonly zone: string; readonly name: string };

export function sameNameIn<T extends Named>(
  definition: ResourceDefinition & { readonly parent: string },
  list: (api: LbClient, query: { zone: string; parentId: string; name: string }) => Promise<T[]>,
): (ctx: ResourceContext, inputs: ChildInputs) => Promise<FoundObject[]> {
  return async (ctx, inputs) => {
    const { zone, name } = inputs;
    const parent = (inputs as unknown as Record<string, unknown>)[definition.parent];
    if (typeof parent !== "string")
      throw new Error(`${definition.kind}: inputs without ${definition.parent}`);
    const found = await list(ctx.api, { zone, parentId: splitId(parent, zone).id, name });
    return found
      .filter((o) => o.name === name)
      .map((o) => ({ id: zonedId(zone, o.id), props: propsFrom(definition, o, zone) }));
  };
}
