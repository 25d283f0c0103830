/**
 * What a run left behind: the cloud (the emulator's whole state) against the stack's state.
 * - leaked: an object in the API that no resource in state owns (an LB's own IP is owned by its
 *   LB; after a destroy, anything left is leaked);
 * - duplicated: a leaked object that looks like a managed one (same kind and name; routes: same
 *   frontend, backend and match; IPs: same creation tag);
 * - lost: a resource in state whose object is not in the API, or a declared resource missing
 *   from state after the run converged.
 */
import { z } from "zod";

const Obj = z.looseObject({ id: z.string(), name: z.string().optional() });
const ApiState = z.looseObject({
  lbs: z.array(Obj.extend({ ip: z.array(z.looseObject({ id: z.string() })).optional() })),
  ips: z.array(z.looseObject({ id: z.string(), lb_id: z.string().nullable(), tags: z.array(z.string()) })),
  backends: z.array(Obj),
  frontends: z.array(Obj),
  routes: z.array(
    z.looseObject({ id: z.string(), frontend_id: z.string(), backend_id: z.string(), match: z.unknown() }),
  ),
  acls: z.array(Obj),
  certificates: z.array(Obj),
});
type ApiState = z.infer<typeof ApiState>;

const Deployment = z.looseObject({
  deployment: z.looseObject({
    resources: z
      .array(z.looseObject({ urn: z.string(), type: z.string(), id: z.string().optional() }))
      .optional(),
  }),
});

export interface CloudObject {
  readonly kind: string;
  readonly id: string;
  /** What identifies it to a user: the name, the route's match, the IP's tags. */
  readonly identity: string;
}

export interface Audit {
  readonly leaked: CloudObject[];
  readonly duplicated: CloudObject[];
  readonly lost: string[];
  /** Resources of the program in state. */
  readonly managed: number;
}

export async function apiState(emulatorUrl: string): Promise<ApiState> {
  const response = await fetch(`${emulatorUrl}/__emulator/state`);
  return ApiState.parse(await response.json());
}

/** Bare ids of the resources in a `pulumi stack export`, by kind. */
export function stateIds(exported: string): Map<string, string> {
  const deployment = Deployment.parse(JSON.parse(exported));
  const ids = new Map<string, string>();
  for (const r of deployment.deployment.resources ?? []) {
    const kind = /scaleway-lb:(\w+)$/.exec(r.type)?.[1];
    if (kind && r.id) ids.set(r.id.slice(r.id.indexOf("/") + 1), kind);
  }
  return ids;
}

function objects(state: ApiState): CloudObject[] {
  const named = (kind: string, list: readonly { id: string; name?: string }[]) =>
    list.map((o) => ({ kind, id: o.id, identity: o.name ?? "" }));
  return [
    ...named("LoadBalancer", state.lbs),
    ...state.ips.map((ip) => ({
      kind: "Ip",
      id: ip.id,
      identity: ip.tags.filter((t) => t.startsWith("pulumi-scaleway-lb-create-")).join(",") || `ip ${ip.id}`,
    })),
    ...named("Backend", state.backends),
    ...named("Frontend", state.frontends),
    ...state.routes.map((r) => ({
      kind: "Route",
      id: r.id,
      identity: `${r.frontend_id} ${r.backend_id} ${JSON.stringify(r.match)}`,
    })),
    ...named("Acl", state.acls),
    ...named("Certificate", state.certificates),
  ];
}

export function audit(state: ApiState, inState: Map<string, string>, expected: number | null): Audit {
  const all = objects(state);
  // An LB's own IPs belong to it (released with it when releaseIp is set).
  const ownedIps = new Set(
    state.ips.filter((ip) => ip.lb_id !== null && inState.has(ip.lb_id)).map((ip) => ip.id),
  );
  const managed = all.filter((o) => inState.has(o.id));
  const leaked = all.filter((o) => !inState.has(o.id) && !(o.kind === "Ip" && ownedIps.has(o.id)));
  const looksManaged = new Set(managed.map((o) => `${o.kind} ${o.identity}`));
  const duplicated = leaked.filter((o) => looksManaged.has(`${o.kind} ${o.identity}`));
  const present = new Set(all.map((o) => o.id));
  const lost = [...inState.entries()].filter(([id]) => !present.has(id)).map(([id, kind]) => `${kind} ${id}`);
  if (expected !== null && inState.size < expected)
    lost.push(`${expected - inState.size} declared resource(s) missing from state`);
  return { leaked, duplicated, lost, managed: inState.size };
}
