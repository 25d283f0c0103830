/**
 * How the generated lookup functions run: in the program's own process, with the stack's
 * configuration (`scaleway:*`), then SCW_* variables, then the Scaleway CLI config file — the same
 * order as the provider. Nothing goes through the engine and nothing is recorded in state.
 * Hand-written: the one place the lookups read Pulumi's runtime.
 */
import * as pulumi from "@pulumi/pulumi";
import type { LookupOptions } from "../../provider/lookups/local";

export type { LookupOptions };

/**
 * Runs the named lookup. Its result is built by provider/lookups from the same description the
 * result type `T` is generated from (scripts/generate/sdk-functions.ts).
 */
export async function runLookup<T>(name: string, args: object, opts?: LookupOptions): Promise<T> {
  // Loaded on the first lookup: a program that uses none never loads the HTTP client (and an
  // unsupported Node.js then gets the provider's clear message instead of a crash at import).
  const { runLookupLocally } = await import("../../provider/lookups/local");
  const result: unknown = await runLookupLocally(name, args, {
    stackConfig: (key) => pulumi.runtime.getConfig(key),
    options: opts,
  });
  return result as T;
}
