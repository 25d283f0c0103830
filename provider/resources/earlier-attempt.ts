/**
 * Exactly-once creates across attempts. A create that failed or was interrupted (SIGKILL, lost
 * answer the client could not resolve) may have left its object behind, and the engine does not
 * know it. Every attempt of one create carries the same creation key (core/creation-key.ts), so
 * the object has the same generated name (or, for routes, the same frontend, backend and match):
 * before creating, look for it and take it over instead of making a second one.
 *
 * Only creates whose inputs carry the creation key look (check sets it when there are no olds),
 * and of named kinds only those whose name was generated (a chosen name is not proof of origin):
 * a resource replaced in place of itself (`pulumi up --replace`) keeps its old inputs and
 * creates anew, so it never mistakes the object it replaces for an earlier attempt. A child of an
 * object this deployment made has no earlier attempt to find (made-this-run.ts).
 */
import { RESERVED_INPUTS } from "../core/check-resource";
import { diffResource } from "../core/diff";
import type { ResourceDefinition } from "../core/property";
import type { ResourceContext } from "./context";
import { madeThisRun } from "./made-this-run";
import type { Operations, Props } from "./operations";

/**
 * The object an earlier attempt of this create made, brought to the declared inputs (updated
 * where an updatable input differs, waited for where it is not ready yet), or undefined when
 * there is none and the create must go ahead.
 */
export async function adoptEarlierAttempt(
  definition: ResourceDefinition,
  operations: Operations,
  ctx: ResourceContext,
  inputs: Props,
): Promise<{ id: string; outs: Props } | undefined> {
  if (typeof inputs[RESERVED_INPUTS.creationKey] !== "string" || !operations.findEarlierAttempts) {
    return undefined;
  }
  // A name the user chose may be used by anything else (another stack): only generated names,
  // which end with the creation key, say "made by this create".
  if (definition.autoName && inputs[RESERVED_INPUTS.autoNamed] !== true) return undefined;
  if (definition.parent && madeThisRun(inputs[definition.parent])) return undefined;
  const found = (await operations.findEarlierAttempts(ctx, inputs)).filter(
    (candidate) => replacingDifferences(definition, candidate.props, inputs).length === 0,
  );
  const [mine, ...others] = found;
  if (mine === undefined) return undefined;
  if (others.length > 0) {
    throw new Error(
      `${definition.kind}: ${found.length} objects look like the one an earlier attempt of this create made (${describe(definition, inputs)}): ${found.map((f) => f.id).join(", ")}; not creating another one. Delete the ones that are not wanted (or adopt one with importId), then run \`pulumi up\` again.`,
    );
  }
  const changes = diffResource(definition, mine.props, inputs);
  const answered = await operations.update(ctx, mine.id, mine.props, inputs, changes.endpoints);
  return { id: mine.id, outs: answered ?? mine.props };
}

/** Replace-policy inputs that differ (those the API reports; secrets and create-time flags are not). */
function replacingDifferences(definition: ResourceDefinition, live: Props, declared: Props): string[] {
  return diffResource(definition, live, declared).replaces.filter((name) => {
    const prop = definition.inputs[name];
    return prop !== undefined && prop.secret !== true && prop.createOnly !== true;
  });
}

/** `name "web-1a2b3c4" in zone fr-par-1, lbId fr-par-1/…`: what the user looks for. */
function describe(definition: ResourceDefinition, inputs: Props): string {
  const parts: string[] = [];
  if (typeof inputs.name === "string") parts.push(`name "${inputs.name}"`);
  if (definition.parent && typeof inputs[definition.parent] === "string") {
    parts.push(`${definition.parent} ${inputs[definition.parent]}`);
  }
  if (typeof inputs.zone === "string") parts.push(`zone ${inputs.zone}`);
  return parts.join(", ");
}
