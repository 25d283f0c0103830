/**
 * Turns endpoint rows into client methods. One generic path for every endpoint: the camelCase
 * request is snakified, the path template filled (each segment encoded), the query taken in the
 * schema's order, the body parsed by its schema (defaults and unit conversions applied, other keys
 * dropped), the answer parsed by its schema and camelized; the operation runner does the rest.
 * Every list row also gets a `listAll…` method that walks the pages.
 */
import type { z } from "zod";
import { camelCase, camelize, snakify } from "./casing";
import type {
  AnswerOf,
  AnyEndpoint,
  ApiContext,
  Endpoint,
  ItemOf,
  ListAllRequestOf,
  ReconcileArgs,
  RequestOf,
} from "./endpoint";
import { ScalewayError } from "./errors";
import type { JsonObject } from "./json";
import type { CallOptions, OperationSpec } from "./operation";
import { collectAll } from "./pagination";
import { type Query, regionalPath, zonedPath } from "./query";

/** The client's side of the executor: defaults, and a way to run one operation. */
export interface ExecutorContext extends ApiContext {
  run<T>(spec: OperationSpec<T>, call?: CallOptions): Promise<T>;
  /**
   * Fixes the call's absolute deadline now, so that several requests made for one logical
   * operation (a snapshot list, the create, a reconciliation) share one deadline.
   */
  withDeadline(call?: CallOptions): CallOptions;
}

type Method<Req, Res> =
  Record<never, never> extends Req
    ? (req?: Req, call?: CallOptions) => Promise<Res>
    : (req: Req, call?: CallOptions) => Promise<Res>;

type ListAllName<K, E> =
  E extends Endpoint<string, infer _Q, infer _B, infer _R, infer I>
    ? [I] extends [never]
      ? never
      : K extends `list${infer Rest}`
        ? `listAll${Rest}`
        : never
    : never;

/** One method per row (named by its key), plus `listAll…` for every list row. */
export type EndpointMethods<T extends Record<string, AnyEndpoint>> = {
  [K in keyof T]: Method<RequestOf<T[K]>, AnswerOf<T[K]>>;
} & {
  [K in keyof T as ListAllName<K, T[K]>]: Method<ListAllRequestOf<T[K]>, ItemOf<T[K]>[]>;
};

/** The project (or organization) a create belongs to: the request's, else the client's. */
export function projectOf(
  ctx: ApiContext,
  request: { projectId?: string; organizationId?: string },
): { projectId?: string; organizationId?: string } {
  if (request.projectId !== undefined) return { projectId: request.projectId };
  if (request.organizationId !== undefined) return { organizationId: request.organizationId };
  if (ctx.projectId !== null) return { projectId: ctx.projectId };
  if (ctx.organizationId !== null) return { organizationId: ctx.organizationId };
  return {};
}

type Wire = Record<string, unknown>;
type Camel = Record<string, unknown> & { zone?: string; region?: string };

const camelAnswers = new WeakMap<AnyEndpoint, z.ZodType>();

/** The row's answer schema followed by the camelCase renaming (built once per row). */
function answerSchema(row: AnyEndpoint): z.ZodType {
  let schema = camelAnswers.get(row);
  if (!schema) {
    schema = (row.response as z.ZodType).transform(camelize);
    camelAnswers.set(row, schema);
  }
  return schema;
}

function pathOf(ctx: ApiContext, row: AnyEndpoint, req: Camel, wire: Wire): string {
  const segments = row.path
    .split("/")
    .filter((s) => s !== "")
    .map((s) => (s.startsWith("{") ? String(wire[s.slice(1, -1)] ?? "") : s));
  if (row.scope === "region") {
    return regionalPath(req.region ?? ctx.zone.replace(/-\d+$/, ""), segments);
  }
  return zonedPath(req.zone ?? ctx.zone, ...segments);
}

function queryOf(row: AnyEndpoint, wire: Wire): Query | undefined {
  if (!row.query) return undefined;
  const keys = Object.keys((row.query as z.ZodObject).shape);
  return Object.fromEntries(keys.map((key) => [key, wire[key]])) as Query;
}

function bodyOf(row: AnyEndpoint, wire: Wire): JsonObject | undefined {
  if (!row.body) return undefined;
  const parsed = (row.body as z.ZodObject).safeParse(wire);
  if (parsed.success) return parsed.data as JsonObject;
  const issues = parsed.error.issues.map((i) => `${camelPath(i.path)}: ${i.message}`).join("; ");
  throw new ScalewayError({ kind: "invalid_arguments", message: `${row.name}: invalid request (${issues})` });
}

function camelPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "string" ? camelCase(p) : String(p))).join(".") || "(request)";
}

/** What a row sends for a camelCase request: the resolved request, the path, query and body. */
export function wireRequest<E extends AnyEndpoint>(ctx: ApiContext, row: E, request: RequestOf<E>) {
  const given = request as Camel;
  const req: Camel = row.projectScoped
    ? {
        ...given,
        projectId: undefined,
        organizationId: undefined,
        ...projectOf(ctx, given as { projectId?: string; organizationId?: string }),
      }
    : given;
  const wire = snakify(req) as Wire;
  return { req, path: pathOf(ctx, row, req, wire), query: queryOf(row, wire), body: bodyOf(row, wire) };
}

/** Builds the methods of every row of `table`. */
export function createMethods<T extends Record<string, AnyEndpoint>>(
  ctx: ExecutorContext,
  table: T,
): EndpointMethods<T> {
  async function send(row: AnyEndpoint, given: Camel, call?: CallOptions): Promise<unknown> {
    const zone = given.zone ?? ctx.zone;
    const { req, ...request } = wireRequest(ctx, row, given as RequestOf<AnyEndpoint>);
    const base = { operation: row.name, method: row.method, ...request, response: answerSchema(row) };
    if (row.safety !== "non_idempotent") {
      const spec = { ...base, safety: row.safety, notFoundMeansDone: row.notFoundMeansDone };
      return ctx.run(spec, call);
    }
    const startedAt = ctx.clock.now();
    const shared = ctx.withDeadline(call);
    const subject = row.subject?.({ ...req, zone });
    const args: ReconcileArgs<Camel> = {
      ctx,
      operation: row.name,
      subject: subject ?? row.name,
      req: { ...req, zone },
      zone,
      startedAt,
      call: shared,
      send: (r, q, c) => send(r, q as Camel, c) as never,
      listAll: (r, q, c) => listAll(r, q as Camel, c) as never,
    };
    // Checked when the methods are built: every non-idempotent row says how to reconcile.
    const reconcile = await (row.reconcile as NonNullable<AnyEndpoint["reconcile"]>)(args);
    return ctx.run({ ...base, safety: "non_idempotent", subject, reconcile }, shared);
  }

  async function listAll(row: AnyEndpoint, req: Camel, call?: CallOptions): Promise<unknown[]> {
    const itemsKey = camelCase(String(row.items));
    const key =
      (row.itemKey as ((item: unknown) => string) | undefined) ?? ((item) => (item as { id: string }).id);
    return collectAll(
      async (page, pageSize) => {
        const answer = (await send(row, { ...req, page, pageSize }, call)) as Record<string, unknown>;
        return { items: answer[itemsKey] as unknown[], totalCount: answer.totalCount as number };
      },
      key,
      { pageSize: req.pageSize as number | undefined },
    );
  }

  const methods: Record<string, (req?: Camel, call?: CallOptions) => Promise<unknown>> = {};
  for (const [key, row] of Object.entries(table)) {
    // The method types are named by the table's keys, the methods by the rows' names.
    if (key !== row.name) throw new Error(`endpoint ${row.name} is listed as ${key}`);
    if (row.safety === "non_idempotent" && !row.reconcile) {
      throw new Error(`endpoint ${row.name}: a non-idempotent endpoint needs a reconcile step`);
    }
    methods[row.name] = (req = {}, call) => send(row, req, call);
    if (row.items !== undefined) {
      methods[row.name.replace(/^list/, "listAll")] = (req = {}, call) => listAll(row, req, call);
    }
  }
  return methods as EndpointMethods<T>;
}
