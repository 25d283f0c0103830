/**
 * One API endpoint as a declarative row: operation name, method, path template, query / body /
 * answer schemas (snake_case, schemas/), safety class, and how a lost answer is resolved. The
 * camelCase request and answer types of the client method are derived from the row
 * (`RequestOf`, `AnswerOf`); executor.ts turns a row into that method.
 */
import type { z } from "zod";
import type { Camelize } from "./casing";
import type { Clock } from "./clock";
import type { CallOptions } from "./operation";
import { listOf, noContent } from "./schemas/common";
import type { ServerClock } from "./server-clock";
import type { HttpMethod } from "./transport";

type AnyObject = z.ZodObject;

/** `"/lbs/{lb_id}/backends"` → `{ lb_id: string }`. */
export type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name]: string } & PathParams<Rest>
  : unknown;

type Input<S> = S extends z.ZodType ? z.input<S> : unknown;

/** What every API family needs from the client: defaults and a way to run an operation. */
export interface ApiContext {
  /** Zone used when a request names none. */
  readonly zone: string;
  /** Project used by creates that name neither a project nor an organization. */
  readonly projectId: string | null;
  readonly organizationId: string | null;
  readonly clock: Clock;
  readonly serverClock: ServerClock;
}

/** What a row's `reconcile` is given to find out what a lost attempt did. */
export interface ReconcileArgs<Req> {
  ctx: ApiContext;
  /** The row's name, e.g. `createBackend`. */
  operation: string;
  /** What the request may have created, as the row's `subject` names it. */
  subject: string;
  /** The request, its zone resolved (and, for project-scoped creates, its project). */
  req: Req & { zone: string };
  zone: string;
  /** When the request was first sent, on the client's clock. */
  startedAt: number;
  /** The call's options, with the deadline the create and its look-ups share. */
  call: CallOptions;
  /** Another endpoint, e.g. a read of the object. */
  send<E extends AnyEndpoint>(row: E, req: RequestOf<E>, call: CallOptions): Promise<AnswerOf<E>>;
  /** Every page of a list endpoint. */
  listAll<E extends AnyEndpoint>(row: E, req: ListAllRequestOf<E>, call: CallOptions): Promise<ItemOf<E>[]>;
}

/** Returns the result of the lost attempt, or `null` when it certainly had no effect. */
export type Reconciler<T> = (call: CallOptions) => Promise<T | null>;

type Safety = "read" | "idempotent" | "non_idempotent";

/** A row's columns after its name and route (the type parameters are those of `Endpoint`). */
export interface EndpointSpec<P extends string, Q, B, R extends z.ZodType, K, S> {
  /** The path is under `/lb/v1/zones/{zone}`, or `/ipam/v1/regions/{region}` for `"region"`. */
  scope?: S;
  query?: Q;
  body?: B;
  /** The 2xx answer in snake_case (`noContent` for none). */
  response: R;
  /** @default "read" for GET, "non_idempotent" for POST, else "idempotent" */
  safety?: Safety;
  /** Once an attempt's outcome was unknown, a 404 means an earlier attempt did the job (deletes). */
  notFoundMeansDone?: boolean;
  /** Creates owned by a project: the request's project, else the client's (README). */
  projectScoped?: boolean;
  /** List endpoints: the answer's key holding the items, walked by `listAll`. */
  items?: K;
  /** List endpoints: what identifies an item across pages. @default its `id` */
  itemKey?: (item: never) => string;
  /** Names what a create may have made, when the client cannot tell whether it exists. */
  subject?: (req: EndpointRequest<P, Q, B> & { zone: string }) => string;
  /** Non-idempotent endpoints: how to find out what an attempt whose answer was lost did. */
  reconcile?: (
    args: ReconcileArgs<EndpointRequest<P, Q, B>>,
  ) => Reconciler<Camelize<z.output<R>>> | Promise<Reconciler<Camelize<z.output<R>>>>;
}

export interface Endpoint<
  P extends string = string,
  Q extends AnyObject | undefined = AnyObject | undefined,
  B extends AnyObject | undefined = AnyObject | undefined,
  R extends z.ZodType = z.ZodType,
  K extends string = string,
  S extends "zone" | "region" = "zone" | "region",
> extends EndpointSpec<P, Q, B, R, K, S> {
  /** The SDK operation name (`createBackend`): the client method's name, used in errors and logs. */
  name: string;
  method: HttpMethod;
  /** A template: `{lb_id}` is filled from the request's `lbId`. */
  path: P;
  safety: Safety;
}

// biome-ignore lint/suspicious/noExplicitAny: rows of every shape are collected in one table
export type AnyEndpoint = Endpoint<string, any, any, any, any, any>;

type EndpointRequest<P extends string, Q, B> = Camelize<PathParams<P> & Input<Q> & Input<B>>;

/** The camelCase request of a row's client method. */
export type RequestOf<E> =
  E extends Endpoint<infer P, infer Q, infer B>
    ? EndpointRequest<P, Q, B> &
        (E extends Endpoint<string, infer _Q, infer _B, infer _R, infer _K, "region">
          ? { /** @default the region of the client's zone */ region?: string }
          : { /** e.g. `fr-par-1`. @default the client's zone */ zone?: string })
    : never;

/** The camelCase answer of a row's client method. */
export type AnswerOf<E> =
  E extends Endpoint<string, infer _Q, infer _B, infer R> ? Camelize<z.output<R>> : never;

/** One item of a list row's answer. */
export type ItemOf<E> =
  E extends Endpoint<string, infer _Q, infer _B, infer R, infer K>
    ? z.output<R> extends { [P in K]: readonly (infer I)[] }
      ? Camelize<I>
      : never
    : never;

export type ListAllRequestOf<E> = Omit<RequestOf<E>, "page">;

type PathOf<Route> = Route extends `${string} ${infer P}` ? P : never;

/**
 * Declares a row: `endpoint("getBackend", "GET /backends/{backend_id}", { response: BackendSchema })`.
 * Keeps the literal types the client's request and answer types are derived from.
 */
export function endpoint<
  const Route extends `${HttpMethod} /${string}`,
  R extends z.ZodType,
  Q extends AnyObject | undefined = undefined,
  B extends AnyObject | undefined = undefined,
  const K extends string = never,
  const S extends "zone" | "region" = "zone",
>(
  name: string,
  route: Route,
  spec: EndpointSpec<PathOf<Route>, Q, B, R, K, S>,
): Endpoint<PathOf<Route>, Q, B, R, K, S> {
  const [method, path] = route.split(" ") as [HttpMethod, PathOf<Route>];
  const safety =
    spec.safety ?? (method === "GET" ? "read" : method === "POST" ? "non_idempotent" : "idempotent");
  return { ...spec, name, method, path, safety };
}

/** A delete row: no answer; once an attempt's outcome was unknown, a 404 means it was done. */
export function deletion<const P extends `/${string}`, Q extends AnyObject | undefined = undefined>(
  name: string,
  path: P,
  query?: Q,
) {
  return endpoint<`DELETE ${P}`, typeof noContent, Q>(name, `DELETE ${path}`, {
    query,
    response: noContent,
    notFoundMeansDone: true,
  });
}

/** A list row: `GET path`, the items under `key` (walked by `listAll…`, told apart by `itemKey`). */
export function listing<
  const P extends `/${string}`,
  Q extends AnyObject,
  const K extends string,
  T extends z.ZodType,
>(name: string, path: P, query: Q, key: K, item: T, itemKey?: (item: Camelize<z.output<T>>) => string) {
  const response = listOf(key, item);
  return endpoint<`GET ${P}`, typeof response, Q, undefined, K>(name, `GET ${path}`, {
    query,
    response,
    items: key,
    itemKey: itemKey as ((item: never) => string) | undefined,
  });
}
