/**
 * The functions the plugin serves as invokes, by token (`scaleway-lb:index:getLoadBalancers`…):
 * the lookup functions of provider/lookups, unchanged — the same ones the dynamic door's SDK runs
 * in the program's process. The native schema declares them (scripts/generate/schema-functions.ts).
 */
import { invokeLookup, lookupFunctions } from "../lookups/index";
import type { FunctionTable, NativeFunction } from "./functions";

export const nativeFunctions: FunctionTable = Object.fromEntries(
  lookupFunctions.map((fn): [string, NativeFunction] => [
    `scaleway-lb:index:${fn.name}`,
    (ctx, args) => invokeLookup(ctx, fn.name, args),
  ]),
);
