/**
 * The identity of one create, the same on every attempt: a short hash of the Pulumi project, the
 * stack, the resource kind, the resource name and the values of the inputs that force a
 * replacement. A retried or interrupted create derives the same key (and so the same generated
 * name), so it can recognise the object an earlier attempt made; a replacement differs in at
 * least one replace-policy input, so it gets a new key and never mistakes the object it replaces
 * for its own.
 */
import { createHash } from "node:crypto";
import type { Json, ResourceDefinition } from "./property";
import { containsUnknown, UNKNOWN } from "./unknown";

/** Hex digits of the key; also the suffix of generated names (`<resource name>-<key>`). */
export const CREATION_KEY_LENGTH = 7;

export interface CreationIdentity {
  /** `pulumi.getProject()` of the program, "" when not given. */
  readonly project: string;
  /** `pulumi.getStack()` of the program, "" when not given. */
  readonly stack: string;
  /** The Pulumi resource name. */
  readonly resourceName: string;
}

/**
 * The key of a create from its checked inputs, or UNKNOWN during a preview in which a
 * replace-policy input is not known yet (the key of that create is not decided).
 */
export function creationKey(
  definition: ResourceDefinition,
  identity: CreationIdentity,
  inputs: Readonly<Record<string, Json>>,
): string {
  const replacing: Record<string, Json> = {};
  for (const name of Object.keys(definition.inputs).sort()) {
    // What forces a replacement: `replace` inputs, and `add` inputs (a shrink replaces).
    const policy = definition.inputs[name]?.policy;
    if (policy !== "replace" && !(typeof policy === "object" && "add" in policy)) continue;
    const value = inputs[name];
    if (value === undefined) continue;
    if (containsUnknown(value)) return UNKNOWN;
    replacing[name] = value;
  }
  const material = canonical([
    identity.project,
    identity.stack,
    definition.kind,
    identity.resourceName,
    replacing,
  ]);
  return createHash("sha256").update(material).digest("hex").slice(0, CREATION_KEY_LENGTH);
}

/** JSON with object keys sorted, so equal values always hash alike. */
function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k] as Json)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
