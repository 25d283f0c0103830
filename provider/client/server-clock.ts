/**
 * An estimate of the API server's clock relative to ours, learnt from the `Date` header of
 * every answer. Used to compare the server's `created_at` timestamps with the moment a request
 * began, when finding out whether a create whose answer was lost took effect.
 */
export interface ServerClock {
  /** Records one answer's `Date` header, read at local time `localNow`. */
  observe(dateHeader: string | undefined, localNow: number): void;
  /** Server time minus local time, in ms; `null` until an answer carried a `Date` header. */
  offsetMs(): number | null;
}

export function createServerClock(): ServerClock {
  let offset: number | null = null;
  return {
    observe(dateHeader, localNow) {
      if (!dateHeader) return;
      const serverTime = Date.parse(dateHeader);
      // The header has one-second resolution: assume the middle of that second.
      if (!Number.isNaN(serverTime)) offset = serverTime + 500 - localNow;
    },
    offsetMs: () => offset,
  };
}
