/**
 * What each resource kind implements: the API calls. Everything else — check, diff, adoption,
 * plain-JSON results, honest failures — is shared (dynamic-provider.ts).
 */
import type { Json } from "../core/property";
import type { ResourceContext } from "./context";

/** Props as stored in state: the checked inputs plus what the API computed. */
export type Props = Record<string, Json>;

/** An existing object, mapped to props. */
export interface FoundObject {
  readonly id: string;
  readonly props: Props;
}

export interface Operations {
  /** Creates the object from checked inputs; returns its zoned id and outputs. */
  create(ctx: ResourceContext, inputs: Props): Promise<{ id: string; outs: Props }>;
  /** The object as the API has it now, mapped to props; undefined when it is gone. */
  read(ctx: ResourceContext, id: string, olds: Props): Promise<Props | undefined>;
  /**
   * Applies a change: `endpoints` are the update endpoints whose fields changed (diff). Returns the
   * props the API answered with, or undefined when no call was needed.
   */
  update(
    ctx: ResourceContext,
    id: string,
    olds: Props,
    news: Props,
    endpoints: readonly string[],
  ): Promise<Props | undefined>;
  /** Deletes the object; an object already gone is success. */
  delete(ctx: ResourceContext, id: string, props: Props): Promise<void>;
  /**
   * Objects an earlier attempt of this create may have made: same generated name in the same
   * parent (routes: same frontend, backend and match). See earlier-attempt.ts. Left out by kinds
   * whose objects cannot be recognised.
   */
  findEarlierAttempts?(ctx: ResourceContext, inputs: Props): Promise<FoundObject[]>;
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
