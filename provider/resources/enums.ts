/** Allowed values of enum inputs, taken from the client's lists (one source for every enum). */

/**
 * The list without the values an input never takes (e.g. the API's `*_unknown` placeholders),
 * order kept: the order is the one documentation and schema.json show.
 */
export function except<const T extends string, const X extends T>(
  all: readonly T[],
  ...left: readonly X[]
): readonly Exclude<T, X>[] {
  return all.filter((value): value is Exclude<T, X> => !(left as readonly string[]).includes(value));
}
