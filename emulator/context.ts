/** What a handler receives and returns. Handlers are synchronous: one request mutates the store at a time. */
import type { Lifecycle } from "./lifecycle";
import type { Query } from "./query";
import type { Store } from "./store";
import type { Json } from "./wire/json";

export interface RequestContext {
  readonly zone: string;
  /** Path parameters, UUIDs already validated and lower-cased. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: Query;
  /** Parsed JSON body (`undefined` when there was none). */
  readonly body: unknown;
  readonly store: Store;
  readonly lifecycle: Lifecycle;
}

export interface HandlerResult {
  status: number;
  body?: Json;
}

export type Handler = (ctx: RequestContext) => HandlerResult;

export function ok(body: Json): HandlerResult {
  return { status: 200, body };
}

export function noContent(): HandlerResult {
  return { status: 204 };
}
