/**
 * The singular lookup of a kind (`getBackend`…): by id (then checked against the project or parent
 * given), or by a search key (an exact name within the parent, an address in a zone and project)
 * that exactly one object must match. A parent that does not exist is a "not found" too.
 */
import { zonedId } from "../resources/ids";
import { exactNameArg, idArg, topLevelProjectOfIdArg, zoneOfIdArg } from "./args";
import { LookupError } from "./errors";
import { type Found, type LookupKind, listFor, withArticle } from "./kind";
import { byId, single } from "./match";
import type { Query } from "./query";
import { echo, record, recordFields } from "./records";
import type { LookupContext, LookupFunction } from "./spec";

export function findOne<T extends Found>(kind: LookupKind<T>): LookupFunction {
  const by = kind.one?.by;
  const parent = "parent" in kind.place ? kind.place.parent : undefined;
  const name = `get${kind.definition.kind}`;
  const place = parent ? ` within its ${parent.noun}` : " (in a zone and project)";
  const found = by
    ? `Finds one existing ${kind.noun}, by id or by ${by.phrase}${place},`
    : `Reads one existing ${kind.noun} by id`;
  const resource = `${withArticle(kind.definition.kind)} resource`;
  return {
    name,
    description: `${found} and returns its properties as ${resource} outputs them${kind.one?.resultNote ?? ""}. Reads only (GET calls), records nothing in the stack's state${kind.one?.endNote ?? ""}.`,
    args: {
      [kind.idArg]: idArg(`The ${kind.noun} to read.`, by === undefined),
      ...(by && {
        [by.arg]: by.spec ?? exactNameArg(kind.noun, parent && `the ${parent.noun} \`${parent.arg}\``),
      }),
      ...(by &&
        parent && {
          [parent.arg]: idArg(`The ${parent.noun} the ${kind.noun} belongs to; needed with \`${by.arg}\`.`),
        }),
      zone: zoneOfIdArg,
      ...(!parent && { projectId: topLevelProjectOfIdArg }),
    },
    ...(by && { exactlyOne: [kind.idArg, by.arg] }),
    ...(by && parent && { nameNeeds: parent.arg }),
    ...(!parent && { defaultProject: true }),
    result: {
      ...recordFields(kind.definition),
      [kind.idArg]: echo(`The ${kind.short ?? kind.noun}'s id (the same as \`id\`).`, false),
    },
    async run(ctx, q) {
      const item = await find(kind, ctx, q);
      const id = zonedId(q.zone, item.id);
      return { ...record(id, kind.props(q.zone, item)), [kind.idArg]: id };
    },
  };
}

async function find<T extends Found>(kind: LookupKind<T>, ctx: LookupContext, q: Query): Promise<T> {
  const id = q.uuid(kind.idArg);
  const by = kind.one?.by;
  if (id !== undefined || by === undefined) {
    const item = await byId(q, kind.noun, () => kind.get(ctx.api, q.zone, id ?? ""));
    checkOwner(kind, q, item);
    return item;
  }
  const value = q.str(by.arg);
  const candidates = await listFor(kind, ctx, q);
  const project = "project" in kind.place ? kind.place.project : undefined;
  return single(
    q,
    kind.noun,
    candidates.filter((candidate) => by.valueOf(candidate) === value),
    (c) => (project ? `${zonedId(q.zone, c.id)} (project ${project(c)})` : zonedId(q.zone, c.id)),
    project ? `${kind.idArg} (or projectId)` : kind.idArg,
  );
}

/** An object read by id must be in the project (top-level) or under the parent given, if any. */
function checkOwner<T extends Found>(kind: LookupKind<T>, q: Query, item: T): void {
  const place = kind.place;
  const owner =
    "project" in place
      ? { noun: "project", given: q.str("projectId"), actual: place.project(item), show: (p: string) => p }
      : {
          noun: place.parent.noun,
          given: q.uuid(place.parent.arg),
          actual: place.parent.idOf(item),
          show: (uuid: string) => zonedId(q.zone, uuid),
        };
  if (owner.given === undefined || owner.actual === owner.given) return;
  throw new LookupError(
    "not_found",
    q.fn,
    `${kind.noun} ${zonedId(q.zone, item.id)} belongs to ${owner.noun} ${owner.show(owner.actual)}, not ${owner.show(owner.given)} (searched: ${q.searched})`,
  );
}
