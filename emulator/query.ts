/** Query-string reading and the list conventions of §1.4/§1.5: pagination, ordering, filters. */
import { invalidArgument } from "./errors";
import { isUuid } from "./ids";

export type Query = ReadonlyMap<string, readonly string[]>;

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

export function queryOf(search: URLSearchParams): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of search) {
    // `tags[]=a` is accepted as an alias of the repeated-key form.
    const name = key.endsWith("[]") ? key.slice(0, -2) : key;
    const list = out.get(name);
    if (list) list.push(value);
    else out.set(name, [value]);
  }
  return out;
}

export function first(query: Query, key: string): string | undefined {
  return query.get(key)?.[0];
}

export function all(query: Query, key: string): string[] {
  return (query.get(key) ?? []).filter((v) => v !== "");
}

function positiveInt(query: Query, key: string, fallback: number, max: number): number {
  const raw = first(query, key);
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) throw invalidArgument(key, "format", `${key} must be a positive integer`);
  const value = Number(raw);
  if (value < 1 || value > max) {
    throw invalidArgument(key, "constraint", `${key} must be between 1 and ${max}`);
  }
  return value;
}

export function boolParam(query: Query, key: string, fallback: boolean): boolean {
  const raw = first(query, key);
  if (raw === undefined || raw === "") return fallback;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw invalidArgument(key, "format", `${key} must be true or false`);
}

export function uuidParam(query: Query, key: string): string | undefined {
  const raw = first(query, key);
  if (raw === undefined || raw === "") return undefined;
  if (!isUuid(raw)) throw invalidArgument(key, "format", `${key} must be a UUID`);
  return raw.toLowerCase();
}

export function enumParam<T extends string>(query: Query, key: string, values: readonly T[], fallback: T): T {
  const raw = first(query, key);
  if (raw === undefined || raw === "") return fallback;
  const found = values.find((v) => v === raw);
  if (found === undefined) {
    throw invalidArgument(key, "constraint", `${key} must be one of ${values.join(", ")}`);
  }
  return found;
}

export interface Sortable {
  seq: number;
  name?: string;
}

export type OrderBy = "created_at_asc" | "created_at_desc" | "name_asc" | "name_desc";

export const ORDER_CREATED: readonly OrderBy[] = ["created_at_asc", "created_at_desc"];
export const ORDER_CREATED_NAME: readonly OrderBy[] = [
  "created_at_asc",
  "created_at_desc",
  "name_asc",
  "name_desc",
];

export function sortRows<T extends Sortable>(rows: T[], orderBy: OrderBy): T[] {
  const byName = (a: T, b: T) => (a.name ?? "").localeCompare(b.name ?? "") || a.seq - b.seq;
  switch (orderBy) {
    case "created_at_asc":
      return rows.sort((a, b) => a.seq - b.seq);
    case "created_at_desc":
      return rows.sort((a, b) => b.seq - a.seq);
    case "name_asc":
      return rows.sort(byName);
    case "name_desc":
      return rows.sort((a, b) => byName(b, a));
  }
}

export interface Page<T> {
  items: T[];
  totalCount: number;
}

/** `page` (1-based) and `page_size` (default 20, max 100); `total_count` counts every match. */
export function paginate<T>(query: Query, rows: readonly T[]): Page<T> {
  const page = positiveInt(query, "page", 1, 2 ** 31 - 1);
  const pageSize = positiveInt(query, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const start = (page - 1) * pageSize;
  return { items: rows.slice(start, start + pageSize), totalCount: rows.length };
}

/** Case-sensitive substring match, as observed for every `name` filter (§1.5). */
export function nameMatches(filter: string | undefined, value: string): boolean {
  return filter === undefined || filter === "" || value.includes(filter);
}

/** Any-of semantics for `tags` (§1.5). */
export function tagsMatch(filter: readonly string[], tags: readonly string[]): boolean {
  return filter.length === 0 || filter.some((t) => tags.includes(t));
}
