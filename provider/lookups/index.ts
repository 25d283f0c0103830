/**
 * The twelve lookup functions, in the order documentation lists them, and `invokeLookup`, which
 * validates plain arguments and answers with a plain object: what the SDK's `getX` functions run
 * in the program's process, and what a native provider plugin serves as invokes.
 */

import { LookupError } from "./errors";
import { getAcls } from "./get-acls";
import { getBackend } from "./get-backend";
import { getBackends } from "./get-backends";
import { getCertificate } from "./get-certificate";
import { getFrontend } from "./get-frontend";
import { getFrontends } from "./get-frontends";
import { getIp } from "./get-ip";
import { getIps } from "./get-ips";
import { getLoadBalancer } from "./get-load-balancer";
import { getLoadBalancers } from "./get-load-balancers";
import { getRoute } from "./get-route";
import { getRoutes } from "./get-routes";
import { parseQuery } from "./query";
import type { LookupContext, LookupFunction, LookupResult } from "./spec";

export const lookupFunctions: readonly LookupFunction[] = [
  getLoadBalancer,
  getLoadBalancers,
  getIp,
  getIps,
  getBackend,
  getBackends,
  getFrontend,
  getFrontends,
  getRoute,
  getRoutes,
  getAcls,
  getCertificate,
];

export function lookupFunction(name: string): LookupFunction {
  const found = lookupFunctions.find((fn) => fn.name === name);
  if (!found) {
    throw new LookupError(
      "invalid_arguments",
      name,
      `no such lookup function; known are ${lookupFunctions.map((fn) => fn.name).join(", ")}`,
    );
  }
  return found;
}

/** Runs one lookup: arguments checked, then GET calls only. */
export async function invokeLookup(ctx: LookupContext, name: string, args: unknown): Promise<LookupResult> {
  const fn = lookupFunction(name);
  return fn.run(ctx, parseQuery(fn, args, ctx));
}
