/**
 * How a live value is written in the program, following its property spec: ids of declared
 * objects become references (`lb.id`), durations become readable strings ("30s"), objects keep
 * the spec's member order.
 */
import { formatDuration, parseDuration } from "../../provider/core/durations";
import type { Json, Prop } from "../../provider/core/property";
import type { Expr } from "./expr";

/** Zoned id (lower-case) of each declared object -> the identifier of its variable. */
export type References = ReadonlyMap<string, string>;

/** The expression for `value`, or undefined when the value is absent. */
export function toExpr(prop: Prop | undefined, value: Json | undefined, refs: References): Expr | undefined {
  if (value === undefined || value === null) return undefined;
  if (prop?.type === "string" && prop.format === "id" && typeof value === "string") {
    const identifier = refs.get(value.toLowerCase());
    if (identifier !== undefined) return { kind: "ref", identifier, targetId: value };
  }
  if (prop?.type === "duration" && typeof value === "number") {
    const text = formatDuration(value);
    const back = parseDuration(text);
    if (back.ok && back.ms === value) return { kind: "duration", text };
  }
  if (Array.isArray(value)) {
    const itemProp = prop?.type === "array" ? prop.items : undefined;
    return {
      kind: "array",
      items: value.flatMap((item) => {
        const expr = toExpr(itemProp, item, refs);
        return expr === undefined ? [] : [expr];
      }),
    };
  }
  if (typeof value === "object") {
    const members = prop?.type === "object" ? prop.properties : {};
    // Spec order first (it reads like the documentation), then anything the spec does not know.
    const keys = [
      ...Object.keys(members).filter((k) => k in value),
      ...Object.keys(value).filter((k) => !(k in members)),
    ];
    return {
      kind: "object",
      entries: keys.flatMap((key) => {
        const expr = toExpr(members[key], value[key], refs);
        return expr === undefined ? [] : [{ key, value: expr }];
      }),
    };
  }
  return { kind: "literal", value };
}
