/**
 * The rule of adoption (`importId`): an existing object is taken over only if every declared
 * property already holds. Provider-side settings (`local`), create-time flags the API never
 * returns (`createOnly`) and secrets (never returned either) cannot be compared, so they don't count.
 */
import { diffResource } from "../core/diff";
import type { Json, ResourceDefinition } from "../core/property";
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
  return diffResource(definition, live, declared)
    .changed.filter((name) => {
      const prop = definition.inputs[name];
      return (
        prop !== undefined && prop.policy !== "local" && prop.createOnly !== true && prop.secret !== true
      );
    })
    .map((name) => ({
      property: name,
      reason: `declared ${show(declared[name])}, found ${show(live[name])}`,
    }));
}

function show(value: Json | undefined): string {
  return JSON.stringify(value ?? null);
}
