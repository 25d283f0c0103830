/**
 * The rule of adoption (`importId`): an existing object is taken over only if every declared
 * property already holds. Provider-side settings (`local`), create-time flags the API never
 * returns (`createOnly`) and secrets (never returned either) cannot be compared, so they don't count.
 */
import { diffResource } from "../core/diff";
import { type Json, type ResourceDefinition, reportedByApi } from "../core/property";
import type { Props } from "./operations";

export interface AdoptionDifference {
  /** Top-level property. */
  readonly property: string;
  /** "declared …, found …" (secrets are not shown). */
  readonly reason: string;
}

/** What differs between the live object's props and the checked declared inputs; empty = adoptable. */
export function adoptionDifferences(
  definition: ResourceDefinition,
  live: Props,
  declared: Props,
): AdoptionDifference[] {
  const differences = diffResource(definition, live, declared)
    .changed.filter((name) => {
      const prop = definition.inputs[name];
      return prop !== undefined && reportedByApi(prop);
    })
    .map((name) => ({
      property: name,
      reason: `declared ${show(declared[name])}, found ${show(live[name])}`,
    }));
  return [...differences, ...identityDifferences(definition, live, declared)];
}

/** What inputs the API never returns say about the object (e.g. a chain's leaf) must hold too. */
function identityDifferences(
  definition: ResourceDefinition,
  live: Props,
  declared: Props,
): AdoptionDifference[] {
  const identity = definition.adoptionIdentity;
  const expected = identity?.(declared, "declared");
  if (!identity || !expected) return [];
  const found = identity(live, "live") ?? {};
  return Object.entries(expected)
    .filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(found[key] ?? null))
    .map(([key, value]) => ({
      property: key,
      reason: `declared ${show(value)}, found ${show(found[key])}`,
    }));
}

function show(value: Json | undefined): string {
  return JSON.stringify(value ?? null);
}
