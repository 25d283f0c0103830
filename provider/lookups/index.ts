/**
 * The lookup functions (derived from the table in kinds.ts), and `invokeLookup`, which
 * validates plain arguments and answers with a plain object: what the SDK's `getX` functions run
 * in the program's process, and what a native provider plugin serves as invokes.
 */

import { LookupError } from "./errors";
import { LOOKUP_KINDS } from "./kinds";
import { parseQuery } from "./query";
import type { LookupContext, LookupFunction, LookupResult } from "./spec";

export const lookupFunctions: readonly LookupFunction[] = LOOKUP_KINDS.flat();

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
