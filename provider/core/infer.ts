/**
 * Types inferred from a property table: what check produces for a definition (`Infer`), what state
 * holds (`Stored`) and the update endpoints its policies name (`Endpoint`). Operations are written
 * against these, so a misspelt field, enum value or endpoint does not compile.
 */
import type { OutputSpec, Prop, ResourceDefinition } from "./property";

type Props = { readonly [name: string]: Prop };

/** The checked value of one property: enums as unions, objects member by member. */
export type ValueOf<P> = P extends { readonly type: "string"; readonly enum: readonly (infer E)[] }
  ? E
  : P extends { readonly type: "string" }
    ? string
    : P extends { readonly type: "integer"; readonly enum: readonly (infer E)[] }
      ? E
      : P extends { readonly type: "integer" | "duration" }
        ? number
        : P extends { readonly type: "boolean" }
          ? boolean
          : P extends { readonly type: "array"; readonly items: infer I }
            ? ValueOf<I>[]
            : P extends { readonly type: "object"; readonly properties: infer M extends Props }
              ? InferProps<M>
              : never;

/** A property check always fills: required, or with a default. */
type Present<P> = P extends { readonly required: true }
  ? true
  : P extends { readonly default: infer D }
    ? undefined extends D
      ? false
      : true
    : false;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Checked inputs of a property table: filled properties required, the others optional. */
export type InferProps<M extends Props> = Simplify<
  { -readonly [K in keyof M as Present<M[K]> extends true ? K : never]: ValueOf<M[K]> } & {
    -readonly [K in keyof M as Present<M[K]> extends true ? never : K]?: ValueOf<M[K]>;
  }
>;

/**
 * What check-resource fills besides the table's defaults: the zone always, the project when the
 * kind has one, the name when the kind generates it (`autoName`).
 */
type Filled<D extends ResourceDefinition> = { zone: string } & ("projectId" extends keyof D["inputs"]
  ? { projectId: string }
  : unknown) &
  (D extends { readonly autoName: true } ? { name: string } : unknown);

/** The checked inputs of a resource definition, as its create and update receive them. */
export type Infer<D extends ResourceDefinition> = Simplify<
  Omit<InferProps<D["inputs"]>, keyof Filled<D>> & Filled<D>
>;

type OutputValue<O extends OutputSpec> = O["type"] extends "string"
  ? string
  : O["type"] extends "integer"
    ? number
    : O["type"] extends "boolean"
      ? boolean
      : O["type"] extends "stringArray"
        ? string[]
        : O["type"] extends "object"
          ? { [key: string]: unknown }
          : { [key: string]: unknown }[];

/** Stored props: any field may be missing or an explicit null (an API field left unset). */
export type Stored<D extends ResourceDefinition> = {
  -readonly [K in keyof D["inputs"]]?: ValueOf<D["inputs"][K]> | null;
} & { -readonly [K in keyof D["outputs"]]?: OutputValue<D["outputs"][K]> | null };

type EndpointOf<P> = P extends { readonly policy: { readonly update: infer E } }
  ? E
  : P extends { readonly policy: { readonly add: infer E } }
    ? E
    : never;

/** The update endpoints a definition's policies name (e.g. `"backend" | "healthCheck" | "servers"`). */
export type Endpoint<D extends ResourceDefinition> = {
  [K in keyof D["inputs"]]-?: EndpointOf<D["inputs"][K]>;
}[keyof D["inputs"]];

/**
 * A resource definition with its literal types kept (enum values, required flags, endpoint names),
 * so that `Infer` and `Endpoint` can read them; checked against ResourceDefinition all the same.
 */
export function defineResource<const D extends ResourceDefinition>(definition: D): D {
  return definition;
}
