/**
 * The plural lookup of a kind (`getBackends`…): every object of a zone and project (top-level), or
 * of a parent (children), that the filters select, every page read. The answer echoes what was
 * searched: the zone (also its id, a list having none of its own), the parent, project and filters.
 */
import type { Json } from "../core/property";
import { zonedId } from "../resources/ids";
import { childProjectArg, idArg, topLevelProjectArg, zoneArg, zoneOfIdArg } from "./args";
import { capitalize, type Found, type LookupKind, listFor, type Parent, withArticle } from "./kind";
import { byId } from "./match";
import type { Query } from "./query";
import { echo, echoList, list, record, recordType } from "./records";
import type { LookupContext, LookupFunction, ResultField } from "./spec";

export function findAll<T extends Found>(kind: LookupKind<T>): LookupFunction {
  const filters = kind.all?.filters ?? [];
  const optionalParent = kind.all?.optionalParent;
  const parent = "parent" in kind.place ? kind.place.parent : undefined;
  const plural = `${kind.definition.kind}s`;
  const name = `get${plural}`;
  const nouns = `${kind.noun}s`;
  const shortNouns = `${kind.short ?? kind.noun}s`;
  const stem = kind.idArg.replace(/Id$/, "");
  const field = `${stem}s`;
  const scope = !parent
    ? `existing ${nouns} of a zone and project`
    : optionalParent
      ? `existing ${nouns} of a zone, or of one ${parent.noun}`
      : `the existing ${nouns} of ${withArticle(parent.noun)}`;
  const filtered =
    filters.length > 0
      ? `, optionally filtered by ${listing(filters.map((f) => `${f.label}${f.detail ?? ""}`))}`
      : "";
  const filterEchoes: { [name: string]: ResultField } = {};
  for (const f of filters) {
    const text = `The ${f.label} filter, if given.`;
    filterEchoes[f.arg] = f.spec(shortNouns).type === "array" ? echoList(text) : echo(text);
  }
  return {
    name,
    description: `Lists ${scope}${filtered}, every page read. Each has the properties ${withArticle(kind.definition.kind)} resource outputs. Reads only (GET calls), records nothing in the stack's state.`,
    args: {
      ...(parent && {
        [parent.arg]: optionalParent
          ? idArg(optionalParent)
          : idArg(`The ${parent.noun} whose ${shortNouns} to list.`, true),
      }),
      ...Object.fromEntries(filters.map((f) => [f.arg, f.spec(shortNouns)])),
      zone: parent ? zoneOfIdArg : zoneArg,
      projectId: parent ? projectFilterArg(nouns, parent) : topLevelProjectArg,
    },
    ...(!parent && { defaultProject: true }),
    result: {
      id: echo("The zone searched (a list has no id of its own).", false),
      zone: echo("The zone searched.", false),
      ...(parent && {
        [parent.arg]: echo(
          `The ${parent.noun} searched${optionalParent ? ", if given" : ""}.`,
          !!optionalParent,
        ),
      }),
      projectId: echo(
        parent ? "The project filter, if given." : "The project searched; absent when every project was.",
      ),
      ...filterEchoes,
      [field]: list(
        recordType(
          `Get${plural}${capitalize(stem)}`,
          `${capitalize(withArticle(kind.noun))} found by ${name}.`,
          kind.definition,
        ),
        `The ${shortNouns} found, in the API's order (${kind.all?.order ?? "oldest first"}).`,
      ),
    },
    async run(ctx, q) {
      const found = await listFor(kind, ctx, q);
      let kept = found.filter((item) => filters.every((f) => f.keep?.(item, q) ?? true));
      if (parent && q.projectId !== undefined) kept = await inProject(ctx, q, parent, kept, q.projectId);
      const out: Record<string, Json> = { id: q.zone, zone: q.zone };
      if (q.projectId !== undefined) out.projectId = q.projectId;
      for (const f of filters) {
        const value = q.strs(f.arg) ?? q.str(f.arg);
        if (value !== undefined) out[f.arg] = value;
      }
      const parentId = parent && q.uuid(parent.arg);
      if (parent && parentId !== undefined) out[parent.arg] = zonedId(q.zone, parentId);
      out[field] = kept.map((item) => record(zonedId(q.zone, item.id), kind.props(q.zone, item)));
      return out;
    },
  };
}

/** Children name their project through their parent; where they do not, the parent says (a GET). */
function projectFilterArg<T>(nouns: string, parent: Parent<T>) {
  if ("item" in parent.projectOf) return childProjectArg;
  return {
    ...childProjectArg,
    description: `${childProjectArg.description} ${capitalize(nouns)} do not name their project: each distinct ${parent.noun} is read once (a GET) to find it.`,
  };
}

/** The children whose load balancer is in `project`; each distinct parent read at most once. */
async function inProject<T extends Found>(
  ctx: LookupContext,
  q: Query,
  parent: Parent<T>,
  items: T[],
  project: string,
): Promise<T[]> {
  const projectOf = parent.projectOf;
  if ("item" in projectOf) return items.filter((item) => projectOf.item(item) === project);
  const projects = new Map<string, string>();
  for (const item of items) {
    const parentId = parent.idOf(item);
    if (projects.has(parentId)) continue;
    projects.set(parentId, await byId(q, parent.noun, () => projectOf.parent(ctx.api, q.zone, parentId)));
  }
  return items.filter((item) => projects.get(parent.idOf(item)) === project);
}

/** `a`, `a and b`, `a, b and c`. */
function listing(words: readonly string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
