/**
 * Property values between protobuf Structs and the plain JSON the resources work with. Secrets
 * arrive wrapped in Pulumi's signature object when the engine sends them; the provider works on
 * the value (the engine keeps it secret in state), so wrappers are taken off on the way in.
 */
import type { Json } from "../core/property";
import type { Props } from "../resources/operations";

/** Pulumi's special-value signature key and its secret marker. */
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export interface StructLike {
  toJavaScript(): Record<string, unknown>;
}

/** A request's Struct as props; an absent Struct (an import's Read) is no props. */
export function propsOf(struct: StructLike | undefined): Props {
  if (struct === undefined) return {};
  const value = plain(struct.toJavaScript());
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}

function plain(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (record[SIG] === SECRET_SIG) return plain(record.value);
    const out: { [key: string]: Json } = {};
    for (const [key, inner] of Object.entries(record)) if (inner !== undefined) out[key] = plain(inner);
    return out;
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** Props for a Struct: no undefined anywhere (protobuf cannot carry it). */
export function structValue(props: Readonly<Record<string, unknown>>): { [key: string]: Json } {
  const value = plain(props);
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}
