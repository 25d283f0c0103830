/** The request log tests read through `GET /__emulator/requests` to count API calls. */

export type QueryObject = Record<string, string | string[]>;

export interface LoggedRequest {
  method: string;
  path: string;
  query: QueryObject;
  /** 0 when the connection was reset by a fault. */
  status: number;
  durationMs: number;
  body: unknown;
}

export function queryObject(search: URLSearchParams): QueryObject {
  const out: QueryObject = {};
  for (const [key, value] of search) {
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else out[key] = [previous, value];
  }
  return out;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  /** Bumped by reset: answers of requests that began before it are not logged after it. */
  private generation = 0;

  get currentGeneration(): number {
    return this.generation;
  }

  add(entry: LoggedRequest, generation: number): void {
    if (generation === this.generation) this.entries.push(entry);
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
    this.generation += 1;
  }
}
