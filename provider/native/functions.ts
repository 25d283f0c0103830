/**
 * Invokes: the provider's functions (`scaleway-lb:index:get<Kind>`…), a table from token to a
 * function of the API context and plain-JSON arguments. The plugin serves whatever table it is
 * given, so the lookup functions plug in without touching the server.
 */
import type { Json } from "../core/property";
import type { ResourceContext } from "../resources/context";

export type NativeFunction = (
  ctx: ResourceContext,
  args: Readonly<Record<string, Json>>,
) => Promise<Record<string, Json>>;

export type FunctionTable = Readonly<Record<string, NativeFunction>>;
