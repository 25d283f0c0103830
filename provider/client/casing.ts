/**
 * The only place where snake_case becomes camelCase and back. The wire schemas (schemas/) are
 * written once, in the API's snake_case; the public types and values are derived from them:
 * `Camelize<z.output<Schema>>` for answers, `Camelize<z.input<Body>>` for requests. The runtime
 * functions mirror the type-level mappings key by key, so a type and its value never disagree.
 */

/** `health_check` → `healthCheck`, `send_proxy_v2` → `sendProxyV2`. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** `healthCheck` → `health_check`, `enableHttp3` → `enable_http3`. */
export type SnakeCase<S extends string> = S extends `${infer C}${infer Rest}`
  ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${SnakeCase<Rest>}`
  : S;

/** Deep key renaming; index signatures (loose objects) are dropped, values are kept as they are. */
export type Camelize<T> = T extends readonly (infer U)[]
  ? Camelize<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K extends string ? CamelCase<K> : never]: Camelize<T[K]> }
    : T;

export type Snakify<T> = T extends readonly (infer U)[]
  ? Snakify<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K extends string ? SnakeCase<K> : never]: Snakify<T[K]> }
    : T;

export function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Renames every key of plain objects, deeply. `undefined` members are left out (one-of fields). */
function renameKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => renameKeys(item, rename));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) out[rename(key)] = renameKeys(member, rename);
  }
  return out;
}

/** An API answer (already parsed by its snake_case schema) in camelCase. */
export function camelize<T>(value: T): Camelize<T> {
  return renameKeys(value, camelCase) as Camelize<T>;
}

/** A camelCase request in the API's snake_case, ready for its body schema. */
export function snakify<T>(value: T): Snakify<T> {
  return renameKeys(value, snakeCase) as Snakify<T>;
}
