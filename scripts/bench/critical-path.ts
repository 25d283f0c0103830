/**
 * The critical-path bound of a stack operation: the shortest time the API itself allows, from
 * the emulator's configured timings and the resources' dependency graph. No client could finish
 * sooner, whatever it does on its side (the engine floor is measured separately).
 *
 * The model, per resource (a node of the graph, costs in ms):
 * - create: the answer latency of its POST, plus the wait the resource's contract requires before
 *   it counts as created: a load balancer until `ready` (its children are refused with 409 before),
 *   a Let's Encrypt certificate until `ready`. The emulator applies latency before handling a
 *   request, so the read that sees `ready` can be in flight during the wait: it adds nothing.
 * - delete: the DELETE's latency, plus for a load balancer the wait until it is gone (the IPs it
 *   holds are only free then).
 * - update: the latency of each call the change needs (a migration adds the `lbUpdate` wait).
 * - read: one GET's latency.
 * A create starts when all its dependencies are created; a delete when all its dependents are
 * deleted: both bounds are the heaviest path through the graph (the same path either way).
 * Two more lower bounds hold whatever the order: the client's rate limit (N calls take at least
 * (N - burst) / rate) and the engine's parallelism (`pulumi up --parallel`, P steps at once: the
 * steps' total time / P; the 20 load balancers of a 200-resource stack wait 8 s each). The bound
 * is the largest of the three, and says which one it is.
 */

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One resource of the stack: its kind (`LoadBalancer`…), what it depends on, and its flavour. */
export interface GraphNode {
  readonly name: string;
  readonly kind: string;
  readonly dependsOn: readonly string[];
  /** A Certificate issued by Let's Encrypt (waits for `ready`); false for an uploaded one. */
  readonly letsencrypt?: boolean;
}

/** The parts of the emulator configuration the bound reads (`GET /__emulator/config`). */
export interface ApiTimings {
  readonly lbCreateMs: number;
  readonly lbUpdateMs: number;
  readonly lbDeleteMs: number;
  readonly certificateMs: number;
  /** Answer latency of one request of each method. */
  readonly latencyMs: Readonly<Record<Method, number>>;
}

/** Client-side rate limit (sustained requests per second, burst) and the engine's parallelism. */
export interface RateLimit {
  readonly ratePerSecond: number;
  readonly burst: number;
  /** Steps the engine runs at once (`--parallel`); unbounded when absent. */
  readonly parallel?: number;
}

const METHODS: readonly Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * The wall time of one transition of the emulator's configuration. `reads` mode costs one GET
 * per read the object must be shown; `duration` its milliseconds (queued part included).
 */
function transitionMs(timing: unknown, getLatencyMs: number): number {
  const t = isRecord(timing) ? timing : {};
  if (t.mode === "duration") return num(t.ms) + num(t.queuedMs);
  if (t.mode === "reads") return (num(t.reads) + num(t.queuedReads)) * getLatencyMs;
  return 0;
}

/**
 * Reads the emulator's configuration as served by `GET /__emulator/config`: `latencyMs` (every
 * answer) plus `methodLatencyMs` (per method, when the emulator has it) and the timings.
 */
export function timingsFromConfig(config: unknown): ApiTimings {
  const c = isRecord(config) ? config : {};
  const timings = isRecord(c.timings) ? c.timings : {};
  const perMethod = isRecord(c.methodLatencyMs) ? c.methodLatencyMs : {};
  const latencyMs = Object.fromEntries(
    METHODS.map((m) => [m, num(c.latencyMs) + num(perMethod[m])]),
  ) as Record<Method, number>;
  return {
    lbCreateMs: transitionMs(timings.lbCreate, latencyMs.GET),
    lbUpdateMs: transitionMs(timings.lbUpdate, latencyMs.GET),
    lbDeleteMs: transitionMs(timings.lbDelete, latencyMs.GET),
    certificateMs: transitionMs(timings.certificate, latencyMs.GET),
    latencyMs,
  };
}

/** What one node costs for an operation, and how many API calls it needs at least. */
interface Cost {
  readonly ms: number;
  readonly calls: number;
}

export function createCost(node: GraphNode, t: ApiTimings): Cost {
  if (node.kind === "LoadBalancer") return { ms: t.latencyMs.POST + t.lbCreateMs, calls: 2 };
  if (node.kind === "Certificate" && node.letsencrypt)
    return { ms: t.latencyMs.POST + t.certificateMs, calls: 2 };
  return { ms: t.latencyMs.POST, calls: 1 };
}

export function deleteCost(node: GraphNode, t: ApiTimings): Cost {
  if (node.kind === "LoadBalancer") return { ms: t.latencyMs.DELETE + t.lbDeleteMs, calls: 2 };
  return { ms: t.latencyMs.DELETE, calls: 1 };
}

/** Heaviest path through the DAG, node weights only. Throws on a cycle or an unknown dependency. */
export function heaviestPath(nodes: readonly GraphNode[], weight: (node: GraphNode) => number): number {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const done = new Map<string, number>();
  const visiting = new Set<string>();
  const finish = (node: GraphNode): number => {
    const known = done.get(node.name);
    if (known !== undefined) return known;
    if (visiting.has(node.name)) throw new Error(`dependency cycle through ${node.name}`);
    visiting.add(node.name);
    let start = 0;
    for (const dep of node.dependsOn) {
      const parent = byName.get(dep);
      if (!parent) throw new Error(`${node.name} depends on ${dep}, which is not in the graph`);
      start = Math.max(start, finish(parent));
    }
    visiting.delete(node.name);
    const end = start + weight(node);
    done.set(node.name, end);
    return end;
  };
  return nodes.reduce((longest, node) => Math.max(longest, finish(node)), 0);
}

/** The time `calls` requests take at least under the rate limit (a full bucket at the start). */
export function rateBoundMs(calls: number, rate: RateLimit): number {
  return (Math.max(0, calls - rate.burst) / rate.ratePerSecond) * 1000;
}

export interface Bound {
  readonly ms: number;
  /** Fewest API calls the operation needs. */
  readonly minCalls: number;
  /** Which term decided: the dependency path, the rate limit or the engine's parallelism. */
  readonly by: "path" | "rate" | "parallel";
}

function bound(pathMs: number, calls: number, rate: RateLimit, workMs = 0): Bound {
  const terms: [Bound["by"], number][] = [
    ["path", pathMs],
    ["rate", rateBoundMs(calls, rate)],
    ["parallel", rate.parallel ? workMs / rate.parallel : 0],
  ];
  const [by, ms] = terms.reduce((a, b) => (b[1] > a[1] ? b : a));
  return { ms, minCalls: calls, by };
}

/** Creating every node from nothing. */
export function applyBound(nodes: readonly GraphNode[], t: ApiTimings, rate: RateLimit): Bound {
  const costs = nodes.map((n) => createCost(n, t));
  const sum = (f: (c: { ms: number; calls: number }) => number) => costs.reduce((a, c) => a + f(c), 0);
  return bound(
    heaviestPath(nodes, (n) => createCost(n, t).ms),
    sum((c) => c.calls),
    rate,
    sum((c) => c.ms),
  );
}

/** Deleting every node (dependents first: the same heaviest path as for creation). */
export function destroyBound(nodes: readonly GraphNode[], t: ApiTimings, rate: RateLimit): Bound {
  const costs = nodes.map((n) => deleteCost(n, t));
  const sum = (f: (c: { ms: number; calls: number }) => number) => costs.reduce((a, c) => a + f(c), 0);
  return bound(
    heaviestPath(nodes, (n) => deleteCost(n, t).ms),
    sum((c) => c.calls),
    rate,
    sum((c) => c.ms),
  );
}

/** Reading every node once, all at once. */
export function refreshBound(nodes: readonly GraphNode[], t: ApiTimings, rate: RateLimit): Bound {
  return bound(nodes.length > 0 ? t.latencyMs.GET : 0, nodes.length, rate);
}

/** An update made of these calls, one after the other (plus the wait of a migration). */
export function updateBound(calls: readonly Method[], t: ApiTimings, migrates = false): Bound {
  const ms = calls.reduce((sum, m) => sum + t.latencyMs[m], 0) + (migrates ? t.lbUpdateMs : 0);
  return { ms, minCalls: calls.length, by: "path" };
}

/** Graph of a stack from `pulumi stack export`: its scaleway-lb resources and their dependencies. */
export function graphFromDeployment(deployment: unknown): GraphNode[] {
  const d = isRecord(deployment) ? deployment : {};
  const inner = isRecord(d.deployment) ? d.deployment : d;
  const resources = Array.isArray(inner.resources) ? inner.resources.filter(isRecord) : [];
  const ours = resources.filter((r) => typeof r.type === "string" && r.type.includes("scaleway-lb:"));
  const names = new Set(ours.map((r) => String(r.urn)));
  return ours.map((r) => {
    const type = String(r.type);
    const inputs = isRecord(r.inputs) ? r.inputs : {};
    const deps = Array.isArray(r.dependencies) ? r.dependencies.map(String) : [];
    return {
      name: String(r.urn),
      kind: type.slice(type.lastIndexOf(":") + 1),
      dependsOn: [...new Set(deps.filter((dep) => names.has(dep)))],
      letsencrypt: isRecord(inputs.letsencrypt),
    };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function num(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}
