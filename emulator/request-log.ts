/**
 * The request log tests read through `GET /__emulator/requests` to count API calls. It is a
 * shared service's memory, readable without authentication, so it is bounded (entries and bytes,
 * oldest dropped and counted), keeps no body of a refused (4xx) request, and redacts secrets.
 */
import { redact } from "./redaction";

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

/** Default cap on entries (`requestLogLimit`). */
export const DEFAULT_REQUEST_LOG_LIMIT = 10_000;
/** A stored body larger than this (serialized) is replaced by a placeholder string. */
export const MAX_LOGGED_BODY_BYTES = 64 * 1024;
/** Total serialized size kept; past it the oldest entries are dropped as for the entry cap. */
export const MAX_LOG_BYTES = 64 * 1024 * 1024;

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

/** Entries are kept serialized: compact, exactly measurable, and never re-walked on a read. */
export class RequestLog {
  private entries: string[] = [];
  private head = 0;
  private bytes = 0;
  private droppedCount = 0;
  /** Bumped by reset: answers of requests that began before it are not logged after it. */
  private generation = 0;

  constructor(private limit: number = DEFAULT_REQUEST_LOG_LIMIT) {}

  get currentGeneration(): number {
    return this.generation;
  }

  get dropped(): number {
    return this.droppedCount;
  }

  get size(): number {
    return this.entries.length - this.head;
  }

  setLimit(limit: number): void {
    this.limit = limit;
    this.trim();
  }

  add(entry: LoggedRequest, generation: number): void {
    if (generation !== this.generation) return;
    const refused = entry.status >= 400 && entry.status < 500;
    const text = JSON.stringify({
      ...entry,
      query: redact(entry.query),
      body: refused ? null : boundedBody(redact(entry.body)),
    });
    this.entries.push(text);
    this.bytes += text.length;
    this.trim();
  }

  /** `{"requests":[…],"dropped":N,"limit":N}` as JSON text, built without re-parsing entries. */
  toJson(): string {
    const live = this.entries.slice(this.head);
    return `{"requests":[${live.join(",")}],"dropped":${this.droppedCount},"limit":${this.limit}}`;
  }

  list(): LoggedRequest[] {
    return this.entries.slice(this.head).map((text) => JSON.parse(text) as LoggedRequest);
  }

  clear(): void {
    this.entries = [];
    this.head = 0;
    this.bytes = 0;
    this.droppedCount = 0;
    this.generation += 1;
  }

  private trim(): void {
    while (this.size > 0 && (this.size > this.limit || this.bytes > MAX_LOG_BYTES)) {
      this.bytes -= this.entries[this.head]?.length ?? 0;
      this.entries[this.head] = "";
      this.head += 1;
      this.droppedCount += 1;
    }
    // Compact the consumed prefix once it dominates, keeping drops O(1) amortized.
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}

function boundedBody(body: unknown): unknown {
  if (body === undefined) return null;
  const size = JSON.stringify(body)?.length ?? 0;
  return size > MAX_LOGGED_BODY_BYTES ? `[body of ${size} bytes not kept by the emulator]` : body;
}
