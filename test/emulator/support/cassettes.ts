/** Reads the recorded go-vcr cassettes carried in test/fixtures/tf-cassettes (read-only ground truth). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

export const CASSETTE_DIR = join(__dirname, "..", "..", "fixtures", "tf-cassettes");

/** The APIs the emulator serves: LB, and the VPC v2 and IPAM parts LB attachments touch. */
const REPLAYED: readonly string[] = ["/lb/v1/", "/vpc/v2/", "/ipam/v1/"];

export interface Interaction {
  index: number;
  method: string;
  /** Path and query string, e.g. `/lb/v1/zones/fr-par-1/lbs?name=x`. */
  url: string;
  pathname: string;
  requestBody: string;
  status: number;
  responseBody: string;
}

export interface Cassette {
  name: string;
  /** Every recorded call to the LB, VPC and IPAM APIs, in order. */
  interactions: Interaction[];
  /** Calls to other Scaleway APIs (object storage, instance): not replayed. */
  skipped: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function cassetteNames(): string[] {
  return readdirSync(CASSETTE_DIR)
    .filter((f) => f.endsWith(".cassette.yaml"))
    .map((f) => f.replace(/\.cassette\.yaml$/, ""))
    .sort();
}

export function loadCassette(name: string): Cassette {
  const doc: unknown = parse(readFileSync(join(CASSETTE_DIR, `${name}.cassette.yaml`), "utf8"));
  const raw = isRecord(doc) && Array.isArray(doc.interactions) ? doc.interactions : [];
  const interactions: Interaction[] = [];
  let skipped = 0;
  raw.forEach((item: unknown, index) => {
    if (!isRecord(item) || !isRecord(item.request) || !isRecord(item.response)) return;
    const url = new URL(text(item.request.url));
    if (!REPLAYED.some((prefix) => url.pathname.startsWith(prefix))) {
      skipped += 1;
      return;
    }
    interactions.push({
      index,
      method: text(item.request.method),
      url: url.pathname + url.search,
      pathname: url.pathname,
      requestBody: text(item.request.body),
      status: typeof item.response.code === "number" ? item.response.code : 0,
      responseBody: text(item.response.body),
    });
  });
  return { name, interactions, skipped };
}

export function parseJson(body: string): unknown {
  if (body.trim() === "") return undefined;
  return JSON.parse(body);
}
