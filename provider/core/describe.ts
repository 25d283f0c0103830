/** Human text for what a property accepts, used in check failures and in schema.json descriptions. */
import { formatDuration } from "./durations";
import type { Prop } from "./property";

export function describeAllowed(prop: Prop): string {
  switch (prop.type) {
    case "string": {
      if (prop.enum) return `one of ${prop.enum.map((v) => JSON.stringify(v)).join(", ")}`;
      if (prop.format === "ip") return "an IPv4 or IPv6 address";
      if (prop.format === "cidr") return 'an IPv4/IPv6 address or CIDR subnet (e.g. "10.0.0.0/8")';
      if (prop.format === "id") return 'an id "<zone>/<uuid>" or a bare UUID';
      const limits: string[] = [];
      if (prop.minLength !== undefined && prop.minLength > 1)
        limits.push(`at least ${prop.minLength} characters`);
      if (prop.maxLength !== undefined) limits.push(`at most ${prop.maxLength} characters`);
      if (prop.pattern) limits.push(prop.pattern.description);
      const kind = prop.minLength !== undefined && prop.minLength > 0 ? "a non-empty string" : "a string";
      return limits.length ? `${kind} of ${limits.join(", ")}` : kind;
    }
    case "integer": {
      if (prop.enum) return `one of ${prop.enum.join(", ")}`;
      const unit = prop.unit ? ` ${prop.unit}` : "";
      if (prop.minimum !== undefined && prop.maximum !== undefined) {
        return `a whole number from ${prop.minimum} to ${prop.maximum}${unit}`;
      }
      if (prop.minimum !== undefined) return `a whole number ≥ ${prop.minimum}${unit}`;
      if (prop.maximum !== undefined) return `a whole number ≤ ${prop.maximum}${unit}`;
      return `a whole number${unit}`;
    }
    case "boolean":
      return "true or false";
    case "duration": {
      const range =
        prop.minimum !== undefined && prop.maximum !== undefined
          ? ` from ${formatDuration(prop.minimum)} to ${formatDuration(prop.maximum)}`
          : "";
      return `a duration${range}: milliseconds as a number, or a string such as "500ms", "30s", "5m"`;
    }
    case "array": {
      const count = prop.maxItems !== undefined ? ` (at most ${prop.maxItems})` : "";
      return `a list${count} of ${describeAllowed(prop.items)}`;
    }
    case "object": {
      const one = prop.exactlyOne ? `; exactly one of ${prop.exactlyOne.join(", ")}` : "";
      return `an object with properties ${Object.keys(prop.properties).join(", ")}${one}`;
    }
  }
}

/** A short rendering of a user value for messages (long strings and objects are cut). */
export function showValue(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
