/**
 * Would the provider adopt an object given these arguments? The same judgement as the provider's
 * create with `importId`: check the arguments (defaults filled in), then the provider's own
 * adoption rule (provider/resources/adoption.ts) on the object's live props. An empty answer means `pulumi up` adopts the object without changing anything.
 */
import type { CheckEnvironment } from "../../provider/core/check-resource";
import { checkResource } from "../../provider/core/check-resource";
import type { Json, ResourceDefinition } from "../../provider/core/property";
import {
  type AdoptionDifference,
  adoptionDifferences as providerAdoptionDifferences,
} from "../../provider/resources/adoption";
import type { Props } from "../../provider/resources/operations";

export type { AdoptionDifference };

/** Defaults for check while importing: the object's zone; names are always declared. */
export function importEnvironment(zone: string, projectId: string | undefined): CheckEnvironment {
  return {
    defaultZone: zone,
    defaultProjectId: projectId,
    projectIdSources: "the projectId argument",
  };
}

export function adoptionDifferences(
  definition: ResourceDefinition,
  live: Props,
  args: Readonly<Record<string, Json>>,
  env: CheckEnvironment,
): AdoptionDifference[] {
  const checked = checkResource(definition, {}, args, env);
  if (checked.failures.length > 0) {
    return checked.failures.map((f) => ({ property: f.property, reason: `check fails: ${f.reason}` }));
  }
  return providerAdoptionDifferences(definition, live, checked.inputs);
}
