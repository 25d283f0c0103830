/**
 * Walking the API's pages (reference §1.4): `page` is 1-based, every list answer carries
 * `total_count`. A walk stops at an empty page, once `total_count` items have been seen, or at a
 * safety cap; items seen twice (the list shifted between two pages) are kept once.
 */

export interface Page<T> {
  items: readonly T[];
  totalCount: number;
}

export interface WalkOptions {
  /** Items per page requested. @default 100 */
  pageSize?: number;
  /** Safety cap. @default 1000 */
  maxPages?: number;
}

export const DEFAULT_LIST_ALL_PAGE_SIZE = 100;

/** Yields each page's items in order. */
export async function* walkPages<T>(
  fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
  options: WalkOptions = {},
): AsyncGenerator<readonly T[], void, undefined> {
  const pageSize = options.pageSize ?? DEFAULT_LIST_ALL_PAGE_SIZE;
  const maxPages = options.maxPages ?? 1000;
  let seen = 0;
  for (let page = 1; page <= maxPages; page++) {
    const { items, totalCount } = await fetchPage(page, pageSize);
    if (items.length === 0) return;
    yield items;
    seen += items.length;
    if (seen >= totalCount) return;
  }
}

/** Every item of every page; items with the same `key` are kept once (first wins). */
export async function collectAll<T>(
  fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
  key: (item: T) => string,
  options: WalkOptions = {},
): Promise<T[]> {
  const out: T[] = [];
  const keys = new Set<string>();
  for await (const items of walkPages(fetchPage, options)) {
    for (const item of items) {
      const k = key(item);
      if (keys.has(k)) continue;
      keys.add(k);
      out.push(item);
    }
  }
  return out;
}
