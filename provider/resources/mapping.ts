/**
 * The wire mappings, derived from a resource's definition instead of written field by field: the
 * API's answer → props (state), and checked inputs → a request body. A field is copied under its
 * own name unless its `api` says otherwise (core/property.ts ApiField); an `id`-format value is
 * zoned in props and bare in requests; an object maps member by member.
 *
 * Null semantics (the state model, DESIGN.md): an answered `null` stays `null` in props (a field
 * the API left unset); a missing answer field stays missing. In a request, an absent optional
 * value is sent as `null` (a full PUT replaces what it is given), an absent list as `[]`, and an
 * absent object — or an absent member of a one-of group — is left out; a PATCH leaves out every
 * absent value.
 */
import type { ApiField, ApiWhere, Json, ObjectProp, Prop, ResourceDefinition } from "../core/property";
import { reportedByApi } from "../core/property";
import { splitId, zonedId } from "./ids";
import type { Props } from "./operations";

/** The API's object in the provider's shape: every input the API reports, and every output. */
export function propsFrom(definition: ResourceDefinition, object: unknown, zone: string): Props {
  const where: ApiWhere = { object, zone };
  const out: Props = {};
  for (const [name, prop] of Object.entries(definition.inputs)) {
    if (!reportedByApi(prop) || prop.api?.byKind) continue;
    const value = readProp(prop, answered(object, name, prop.api, where), where);
    if (value !== undefined) out[name] = value;
  }
  for (const [name, spec] of Object.entries(definition.outputs)) {
    if (spec.api?.byKind) continue;
    const value = answered(object, name, spec.api, where);
    if (value !== undefined) out[name] = value as Json;
  }
  return out;
}

/** One input as the API's answer has it (e.g. a health check answered on its own, wrapped by name). */
export function propFrom(definition: ResourceDefinition, name: string, object: unknown, zone: string): Json {
  const prop = definition.inputs[name];
  if (!prop) throw new Error(`${definition.kind} has no input ${name}`);
  const where: ApiWhere = { object, zone };
  return readProp(prop, answered(object, name, prop.api, where), where) ?? null;
}

/** Which inputs a request carries: every one the API takes (create), or one endpoint's fields. */
export type BodyOf = { readonly create: true } | { readonly endpoint: string };

/**
 * A request body built from checked inputs. Its type is the client request the caller names: the
 * lifecycle tests compare the bodies the emulator receives with the recorded ones.
 */
export function requestBody<R>(
  definition: ResourceDefinition,
  inputs: object,
  of: BodyOf,
  options: { readonly patch?: boolean } = {},
): R {
  const values = inputs as Readonly<Record<string, Json | undefined>>;
  const zone = values.zone;
  if (typeof zone !== "string") throw new Error(`${definition.kind}: inputs without a zone`);
  const where: ApiWhere = { object: inputs, zone };
  const patch = options.patch === true;
  const out: Record<string, Json> = {};
  for (const [name, prop] of Object.entries(definition.inputs)) {
    if (!carries(prop, of)) continue;
    const value = writeProp(prop, values[name], where, patch);
    if (value !== undefined) out[prop.api?.to ?? name] = value;
  }
  return out as R;
}

function carries(prop: Prop, of: BodyOf): boolean {
  if ("create" in of) return prop.policy !== "local" && prop.api?.byKind !== true;
  const policy = prop.policy;
  return typeof policy === "object" && ("update" in policy ? policy.update : policy.add) === of.endpoint;
}

/** The answered value for a field: at its path (its name by default), adjusted by its `read`. */
function answered(object: unknown, name: string, api: ApiField | undefined, where: ApiWhere): unknown {
  const path = api?.from ?? name;
  let value: unknown = object;
  if (path !== "") {
    for (const key of path.split(".")) value = isRecord(value) ? value[key] : undefined;
  }
  return api?.read ? api.read(value, where) : value;
}

function readProp(prop: Prop, value: unknown, where: ApiWhere): Json | undefined {
  if (value === undefined || value === null) return value;
  if (prop.type === "string" && prop.format === "id" && typeof value === "string") {
    return zonedId(where.zone, value);
  }
  if (prop.type === "array" && Array.isArray(value))
    return value.map((item) => readProp(prop.items, item, where) ?? null);
  if (prop.type === "object") return readObject(prop, value, where);
  return value as Json;
}

function readObject(prop: ObjectProp, value: unknown, where: ApiWhere): Json {
  const out: Record<string, Json> = {};
  for (const [name, inner] of Object.entries(prop.properties)) {
    const mapped = readProp(inner, answered(value, name, inner.api, where), where);
    if (mapped !== undefined) out[name] = mapped;
  }
  return out;
}

function writeProp(prop: Prop, value: Json | undefined, where: ApiWhere, patch: boolean): Json | undefined {
  const written = writeValue(prop, value, where, patch);
  return prop.api?.write ? prop.api.write(written, where) : written;
}

function writeValue(prop: Prop, value: Json | undefined, where: ApiWhere, patch: boolean): Json | undefined {
  if (value === undefined || value === null) {
    if (patch || prop.type === "object") return undefined;
    return prop.type === "array" ? [] : null;
  }
  if (prop.type === "string" && prop.format === "id" && typeof value === "string") {
    return splitId(value, where.zone).id;
  }
  if (prop.type === "array" && Array.isArray(value)) {
    return value.map((item) => writeProp(prop.items, item, where, patch) ?? null);
  }
  if (prop.type === "object" && isRecord(value)) {
    const grouped = new Set([...(prop.exactlyOne ?? []), ...(prop.atMostOne ?? [])]);
    const out: Record<string, Json> = {};
    for (const [name, inner] of Object.entries(prop.properties)) {
      const member = value[name];
      if (member === undefined && grouped.has(name)) continue;
      const mapped = writeProp(inner, member, where, patch);
      if (mapped !== undefined) out[inner.api?.to ?? name] = mapped;
    }
    return out;
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, Json | undefined> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
