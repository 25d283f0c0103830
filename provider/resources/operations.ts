/**
 * What each resource kind implements: the API calls. Everything else — check, diff, adoption,
 * plain-JSON results, honest failures — is shared (dynamic-provider.ts).
 */
import type { Endpoint, Infer, Stored } from "../core/infer";
import type { Json, ResourceDefinition } from "../core/property";
import type { ResourceContext } from "./context";

/** Props as stored in state: the checked inputs plus what the API computed. */
export type Props = Record<string, Json>;

/** An existing object, mapped to props. */
export interface FoundObject {
  readonly id: string;
  readonly props: Props;
}

/** Typed for one definition; the untyped bag for the shared code that serves every kind. */
type Wide<D extends ResourceDefinition> = ResourceDefinition extends D ? true : false;
export type InputsOf<D extends ResourceDefinition> = Wide<D> extends true ? Props : Infer<D>;
export type StoredOf<D extends ResourceDefinition> = Wide<D> extends true ? Props : Stored<D>;
export type EndpointOf<D extends ResourceDefinition> = Wide<D> extends true ? string : Endpoint<D>;

export interface Operations<D extends ResourceDefinition = ResourceDefinition> {
  /** Creates the object from checked inputs; returns its zoned id and outputs. */
  create(ctx: ResourceContext, inputs: InputsOf<D>): Promise<{ id: string; outs: Props }>;
  /** The object as the API has it now, mapped to props; undefined when it is gone. */
  read(ctx: ResourceContext, id: string, olds: StoredOf<D>): Promise<Props | undefined>;
  /**
   * Applies a change: `endpoints` are the update endpoints whose fields changed (diff). Returns the
   * props the API answered with, or undefined when no call was needed.
   */
  update(
    ctx: ResourceContext,
    id: string,
    olds: StoredOf<D>,
    news: InputsOf<D>,
    endpoints: readonly EndpointOf<D>[],
  ): Promise<Props | undefined>;
  /** Deletes the object; an object already gone is success. */
  delete(ctx: ResourceContext, id: string, props: StoredOf<D>): Promise<void>;
  /**
   * Objects an earlier attempt of this create may have made: same generated name in the same
   * parent (routes: same frontend, backend and match). See earlier-attempt.ts. Left out by kinds
   * whose objects cannot be recognised.
   */
  findEarlierAttempts?(ctx: ResourceContext, inputs: InputsOf<D>): Promise<FoundObject[]>;
}

/**
 * A kind's typed operations as the shared code calls them, with the engine's property bags: the
 * one place the types meet plain JSON. check-resource produced those bags from the same
 * definition, so they have the inferred shape.
 */
export function untyped<D extends ResourceDefinition>(operations: Operations<D>): Operations {
  return operations as unknown as Operations;
}

/**
 * An error for a create that succeeded but did not finish: it carries the id and outputs so the
 * engine records the object in state instead of leaking it (the next `up` continues with update).
 */
export class CreatedButFailed extends Error {
  readonly id: string;
  /** What the engine stores for the object (the fields Pulumi's dynamic provider server reads). */
  properties: Props;
  readonly reasons: string[];
  constructor(id: string, properties: Props, cause: unknown) {
    const message = cause instanceof Error ? cause.message : String(cause);
    // The engine shows `reasons` for such errors, so the explanation goes there too.
    const explained = `${message} — ${id} was created and is kept in state; the next \`pulumi up\` checks it again`;
    super(explained, { cause });
    this.name = "CreatedButFailed";
    this.id = id;
    this.properties = properties;
    this.reasons = [explained];
  }

  /**
   * Replaces the properties with the state to record, carrying the serialized provider of the
   * create request (`__provider`): without it the engine cannot refresh or delete the object.
   */
  record(state: Props, request: unknown): void {
    const provider =
      request !== null && typeof request === "object"
        ? (request as Record<string, unknown>).__provider
        : undefined;
    this.properties = typeof provider === "string" ? { ...state, __provider: provider } : state;
  }
}
