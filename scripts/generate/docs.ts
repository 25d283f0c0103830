/** Documentation text for a property, shared by the SDK's TSDoc and schema.json. */
import { describeAllowed } from "../../provider/core/describe";
import { formatDuration } from "../../provider/core/durations";
import type { Prop } from "../../provider/core/property";

/** The description, then exactly what is allowed (type, range, unit, values). */
export function propertyDoc(prop: Prop): string {
  if (prop.type === "object") return prop.description;
  const allowed = describeAllowed(prop);
  return allowed === "a string" || allowed === "a non-empty string"
    ? prop.description
    : `${prop.description} Allowed: ${allowed}.`;
}

/** The default as the user would write it, or undefined. */
export function defaultText(prop: Prop): string | undefined {
  if (prop.default === undefined) return undefined;
  if (prop.type === "duration" && typeof prop.default === "number")
    return `"${formatDuration(prop.default)}"`;
  return JSON.stringify(prop.default);
}
