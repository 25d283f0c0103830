/**
 * check failures as the engine prints them. Given a property name, the engine prints
 * "property P value V has a problem: R" with V read from the inputs itself and printed as a Go
 * value (`{true}`, `{<nil>}` for a nested path, a struct for an object). So failures reach the
 * engine naming no property, and the text says it all: "has a problem: property serverIps[1]
 * value "10.0.0.300": …" — the path, the value as the user wrote it (a secret as [secret]), why.
 */
import { showValue } from "../core/describe";
import type { CheckFailure, Prop, ResourceDefinition } from "../core/property";

export function engineFailure(
  definition: ResourceDefinition,
  given: Readonly<Record<string, unknown>>,
  failure: CheckFailure,
): CheckFailure {
  const found = lookup(definition, given, failure.property);
  const shown = found === undefined ? "" : found.secret ? "[secret]" : showValue(found.value);
  // Most reasons already begin with the value ("70000 is not valid: …"): not twice.
  const value = shown === "" || failure.reason.startsWith(shown) ? "" : ` value ${shown}`;
  const joint = value === "" && /^(is|has|needs|accepts) /.test(failure.reason) ? " " : ": ";
  return { property: "", reason: `property ${failure.property}${value}${joint}${failure.reason}` };
}

/** The value at a path such as `healthCheck.checkDelay` or `serverIps[1]`, and whether it is secret. */
function lookup(
  definition: ResourceDefinition,
  given: Readonly<Record<string, unknown>>,
  path: string,
): { value: unknown; secret: boolean } | undefined {
  let value: unknown = given;
  let props: { readonly [name: string]: Prop } | undefined = definition.inputs;
  let prop: Prop | undefined;
  let secret = false;
  for (const step of path.match(/[^.[\]]+/g) ?? []) {
    if (/^\d+$/.test(step)) {
      if (!Array.isArray(value)) return undefined;
      value = value[Number(step)];
      prop = prop?.type === "array" ? prop.items : undefined;
    } else {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
      value = (value as Record<string, unknown>)[step];
      prop = props?.[step];
    }
    secret ||= prop?.secret === true;
    props = prop?.type === "object" ? prop.properties : undefined;
  }
  return value === undefined || value === null ? undefined : { value, secret };
}
