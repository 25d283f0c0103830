/**
 * Finding out whether a create whose answer was lost took effect (README "Unknown outcomes").
 *
 * Two strategies:
 * - by content and time, for objects with `created_at`: list the parent's objects with the same
 *   name (or, for routes, the same frontend, backend and match) created since the request
 *   began, as measured on the server's clock (learnt from `Date` headers, with some slack);
 * - by difference, for objects without `created_at` (IPs, subscribers): list the candidates
 *   before sending, list again after the unknown outcome, and look at the new ones.
 *
 * One match: that is the object the lost attempt created. None: it was not created, the request
 * may be re-sent. Several: the client cannot tell which is ours, `outcome_unknown` is raised
 * with their ids rather than guessing or creating yet another one.
 */
import type {
  AnswerOf,
  AnyEndpoint,
  ApiContext,
  ItemOf,
  ListAllRequestOf,
  ReconcileArgs,
  Reconciler,
  RequestOf,
} from "./endpoint";
import { ScalewayError } from "./errors";

/** Slack for the server's one-second `Date` resolution and its processing time. */
export const CREATED_AT_SLACK_MS = 2_000;
/** Window used while the server's clock is still unknown (no `Date` header seen yet). */
export const UNKNOWN_CLOCK_SLACK_MS = 5 * 60_000;

/** The earliest server-side `created_at` an object created by a request begun at `startedAt` can have. */
export function createdAtLowerBound(ctx: ApiContext, startedAt: number): number {
  const offset = ctx.serverClock.offsetMs();
  return offset === null ? startedAt - UNKNOWN_CLOCK_SLACK_MS : startedAt + offset - CREATED_AT_SLACK_MS;
}

/** True when `createdAt` is at or after `bound` (unparseable or missing times count as recent). */
export function createdSince(createdAt: string | null, bound: number): boolean {
  if (createdAt === null) return true;
  const at = Date.parse(createdAt);
  return Number.isNaN(at) || at >= bound;
}

/** The single candidate, `null` for none, `outcome_unknown` for several. */
export function pickCreated<T extends { id: string }>(
  operation: string,
  what: string,
  candidates: readonly T[],
): T | null {
  const [first, ...rest] = candidates;
  if (first === undefined) return null;
  if (rest.length === 0) return first;
  const ids = candidates.map((c) => c.id);
  throw new ScalewayError({
    kind: "outcome_unknown",
    message: `${operation}: the answer was lost and ${ids.length} objects match ${what}: ${ids.join(", ")}; not creating another one. Delete the ones that are not wanted, then run \`pulumi up\` again`,
    operation,
    candidates: ids,
  });
}

/** Same elements, whatever the order. */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = [...b].sort();
  return [...a].sort().every((value, i) => value === sorted[i]);
}

interface Created {
  id: string;
  createdAt: string | null;
}

/**
 * By content and time: the parent's objects listed by `query` that `match` the request, created
 * since the request began.
 */
export function createdMatching<L extends AnyEndpoint>(
  { ctx, operation, subject, startedAt, listAll }: ReconcileArgs<unknown>,
  list: L,
  query: ListAllRequestOf<L>,
  match: (item: ItemOf<L>) => boolean,
): Reconciler<ItemOf<L>> {
  return async (call) => {
    const bound = createdAtLowerBound(ctx, startedAt);
    const mine = (await listAll(list, query, call)).filter(
      (item) => match(item) && createdSince((item as Created).createdAt, bound),
    );
    return pickCreated(operation, subject, mine as (ItemOf<L> & Created)[]);
  };
}

/** By name and time (with `also`, the same other settings): objects that have a name. */
export function createdByName<L extends AnyEndpoint>(
  args: ReconcileArgs<{ name: string }>,
  list: L,
  query: ListAllRequestOf<L>,
  also: (item: ItemOf<L>) => boolean = () => true,
): Reconciler<ItemOf<L>> {
  return createdMatching(
    args,
    list,
    query,
    (item) => (item as { name: string }).name === args.req.name && also(item),
  );
}

/**
 * By a tag only this create's attempts carry: every object listed with it is the lost attempt's
 * (`fits` the request too), whenever it was made.
 */
export function createdWithTag<L extends AnyEndpoint>(
  { operation, subject, listAll }: ReconcileArgs<unknown>,
  list: L,
  query: ListAllRequestOf<L>,
  tag: string,
  fits: (item: ItemOf<L>) => boolean,
): Reconciler<ItemOf<L>> {
  return async (call) => {
    const tagged = (await listAll(list, { ...query, tags: [tag] }, call)).filter(
      (item) => (item as { tags: readonly string[] }).tags.includes(tag) && fits(item),
    );
    return pickCreated(operation, subject, tagged as (ItemOf<L> & Created)[]);
  };
}

/**
 * By difference, for objects without a creation time: the candidates are listed before sending;
 * after an unknown outcome, a new one that `fits` the request is the lost attempt's.
 */
export async function createdSinceSnapshot<L extends AnyEndpoint>(
  { operation, subject, call, listAll }: ReconcileArgs<unknown>,
  list: L,
  query: ListAllRequestOf<L>,
  fits: (item: ItemOf<L>) => boolean,
  what: string = subject,
): Promise<Reconciler<ItemOf<L>>> {
  const before = new Set((await listAll(list, query, call)).map((item) => (item as Created).id));
  return async (inner) => {
    const fresh = (await listAll(list, query, inner)).filter(
      (item) => !before.has((item as Created).id) && fits(item),
    );
    return pickCreated(operation, what, fresh as (ItemOf<L> & Created)[]);
  };
}

/** By reading back: the object the request changes, when it already shows the change. */
export function readBack<G extends AnyEndpoint>(
  { send }: ReconcileArgs<unknown>,
  get: G,
  address: RequestOf<G>,
  done: (object: AnswerOf<G>) => boolean,
): Reconciler<AnswerOf<G>> {
  return async (call) => {
    const object = await send(get, address, call);
    return done(object) ? object : null;
  };
}
