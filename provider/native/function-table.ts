/**
 * The functions the plugin serves as invokes, by token (`scaleway-lb:index:getLoadBalancers`…).
 * Empty until the lookup functions (provider/lookups) are wired in; each entry must also be
 * declared in the native schema's `functions` for the SDK to expose it.
 */
import type { FunctionTable } from "./functions";

export const nativeFunctions: FunctionTable = {};
