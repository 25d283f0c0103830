/**
 * Objects that live under a load balancer (backends, frontends, certificates) or a frontend (ACLs,
 * routes) are found through their parent: by id (and then checked to be under the parent given),
 * or by exact name within the parent. A parent that does not exist is a "not found" too.
 */
import { zonedId } from "../resources/ids";
import { LookupError } from "./errors";
import { byId, single } from "./match";
import type { Query } from "./query";

interface Child {
  readonly id: string;
  readonly name: string;
}

export interface ChildFinder<T extends Child> {
  /** e.g. `backend`. */
  readonly noun: string;
  /** e.g. `backendId`. */
  readonly idArg: string;
  /** e.g. `lbId`, and what it names. */
  readonly parentArg: string;
  readonly parentNoun: string;
  readonly parentOf: (item: T) => string;
  readonly get: (id: string) => Promise<T>;
  readonly list: (parentId: string, name: string) => Promise<T[]>;
}

export async function findChild<T extends Child>(q: Query, finder: ChildFinder<T>): Promise<T> {
  const id = q.uuid(finder.idArg);
  const parentId = q.uuid(finder.parentArg);
  if (id !== undefined) {
    const item = await byId(q, finder.noun, () => finder.get(id));
    if (parentId !== undefined && finder.parentOf(item) !== parentId) {
      throw new LookupError(
        "not_found",
        q.fn,
        `${finder.noun} ${zonedId(q.zone, item.id)} belongs to ${finder.parentNoun} ${zonedId(q.zone, finder.parentOf(item))}, not ${zonedId(q.zone, parentId)} (searched: ${q.searched})`,
      );
    }
    return item;
  }
  const name = q.str("name") ?? "";
  // parseQuery guarantees the parent alongside a name.
  const parent = parentId ?? "";
  const named = await underParent(q, finder.parentNoun, () => finder.list(parent, name));
  return single(
    q,
    finder.noun,
    named.filter((item) => item.name === name),
    (item) => zonedId(q.zone, item.id),
    finder.idArg,
  );
}

/** A list under a parent; the parent's 404 is a "not found" naming it. */
export async function underParent<T>(q: Query, parentNoun: string, list: () => Promise<T>): Promise<T> {
  return byId(q, parentNoun, list);
}
