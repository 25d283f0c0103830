/**
 * Lifecycle timings for a replay, read off the recording itself: before replaying a change, look
 * ahead at how many recorded reads showed the object still in transition, and configure the
 * emulator's "after N reads" timing to match. This reproduces the real API's pace during that
 * recording (the provider polled every 30 s, so some states were seen once, others never).
 */
import { type Interaction, parseJson } from "./cassettes";

export type ReadsTiming = { mode: "reads"; reads: number; queuedReads?: number };
export type TimingPatch = Partial<
  Record<"lbCreate" | "lbUpdate" | "lbDelete" | "certificate" | "privateNetwork", ReadsTiming>
>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function body(i: Interaction): unknown {
  try {
    return parseJson(i.responseBody);
  } catch {
    return undefined;
  }
}

const ZONED = /^\/lb\/v1\/zones\/[^/]+/;

function route(i: Interaction): string {
  return i.pathname.replace(ZONED, "");
}

/** The recorded view of object `id` in a read (GET by id, or an entry of a list), if any. */
function observed(
  i: Interaction,
  id: string,
  single: RegExp,
  listKey: string,
): Record<string, unknown> | "gone" | undefined {
  if (i.method !== "GET") return undefined;
  const path = route(i);
  if (single.test(path) && path.endsWith(id)) {
    const b = body(i);
    if (i.status === 404) return "gone";
    return isRecord(b) ? b : undefined;
  }
  const b = body(i);
  if (isRecord(b) && Array.isArray(b[listKey])) {
    const found = b[listKey].find((e: unknown) => isRecord(e) && e.id === id);
    return isRecord(found) ? found : undefined;
  }
  return undefined;
}

const LB_READ = /^\/lbs\/[0-9a-f-]{36}$/;
const CERT_READ = /^\/certificates\/[0-9a-f-]{36}$/;

function countLbReads(
  later: Interaction[],
  lbId: string,
  transient: (lb: Record<string, unknown>) => boolean,
) {
  const seen: Array<Record<string, unknown>> = [];
  for (const i of later) {
    if (i.method === "DELETE" && route(i) === `/lbs/${lbId}`) break;
    const view = observed(i, lbId, LB_READ, "lbs");
    if (view === undefined) continue;
    if (view === "gone" || !transient(view)) break;
    seen.push(view);
  }
  return seen;
}

/** The timing to configure before replaying `current`, looking at what the recording shows next. */
export function timingFor(current: Interaction, later: Interaction[]): TimingPatch | undefined {
  const path = route(current);
  const response = body(current);
  if (current.method === "POST" && path === "/lbs" && isRecord(response) && typeof response.id === "string") {
    const views = countLbReads(
      later,
      response.id,
      (lb) => lb.status === "to_create" || lb.status === "creating",
    );
    const queued = views.filter(
      (v) => v.status === "to_create" && Array.isArray(v.instances) && v.instances.length === 0,
    );
    return { lbCreate: { mode: "reads", reads: views.length - queued.length, queuedReads: queued.length } };
  }
  const migrate = /^\/lbs\/([0-9a-f-]{36})\/migrate$/.exec(path);
  if (current.method === "POST" && migrate?.[1]) {
    const views = countLbReads(later, migrate[1], (lb) => lb.status === "migrating");
    return { lbUpdate: { mode: "reads", reads: views.length } };
  }
  const del = /^\/lbs\/([0-9a-f-]{36})$/.exec(path);
  if (current.method === "DELETE" && del?.[1]) {
    const id = del[1];
    let reads = 0;
    for (const i of later) {
      const view = observed(i, id, LB_READ, "lbs");
      if (view === undefined) continue;
      if (view === "gone") break;
      reads += 1;
    }
    return { lbDelete: { mode: "reads", reads } };
  }
  if (current.method === "POST" && /^\/lbs\/[0-9a-f-]{36}\/certificates$/.test(path) && isRecord(response)) {
    const id = typeof response.id === "string" ? response.id : "";
    let reads = 0;
    for (const i of later) {
      const view = observed(i, id, CERT_READ, "certificates");
      if (view === undefined) continue;
      if (view === "gone" || view.status !== "pending") break;
      reads += 1;
    }
    return { certificate: { mode: "reads", reads } };
  }
  const pn = /^\/lbs\/([0-9a-f-]{36})\/(attach|detach)-private-network$/.exec(path);
  const request = parseJson(current.requestBody);
  if (current.method === "POST" && pn?.[1] && isRecord(request)) {
    const [, lbId, action] = pn;
    const pnId = request.private_network_id;
    let reads = 0;
    for (const i of later) {
      if (i.method !== "GET" || route(i) !== `/lbs/${lbId}/private-networks`) continue;
      const b = body(i);
      const list = isRecord(b) && Array.isArray(b.private_network) ? b.private_network : [];
      const entry = list.find((e: unknown) => isRecord(e) && e.private_network_id === pnId);
      const transient =
        action === "attach" ? isRecord(entry) && entry.status === "pending" : entry !== undefined;
      if (!transient) break;
      reads += 1;
    }
    return { privateNetwork: { mode: "reads", reads } };
  }
  return undefined;
}
