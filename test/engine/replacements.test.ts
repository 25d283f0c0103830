/**
 * A preview lists, resource by resource, the steps `up` then performs — for a change of every
 * replace-policy field of every kind (children of a replaced parent included) — and each such
 * `up` converges and leaks nothing. IPs added to a running load balancer are updates in place.
 *
 * The cases come from the definitions: every field whose policy is `replace` (or the shrinking
 * side of `add`) gets one, its new value chosen by the field's role (the parent id, the zone,
 * the project, a flag, a list, a one-of object). One stack, one tree, cases applied in turn.
 */
import { join } from "node:path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import type { Prop, ResourceDefinition } from "../../provider/core/property";
import { definitions } from "../../provider/resources/definitions";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { type EngineStack, engineStack } from "./support/engine";

const MINUTE = 60_000;

type Args = Record<string, unknown>;
interface Declared {
  readonly name: string;
  readonly kind: string;
  args: Args;
}
const ref = (name: string) => ({ ref: name });

/**
 * Two load balancers with a child of every kind, a third with none, and spare objects: `lb` uses
 * Ip resources, `lb2` and `lb3` allocate their own addresses.
 */
const INITIAL: readonly Declared[] = [
  { name: "spare", kind: "Ip", args: {} },
  { name: "spare2", kind: "Ip", args: {} },
  { name: "spare3", kind: "Ip", args: {} },
  { name: "v4", kind: "Ip", args: {} },
  { name: "lb", kind: "LoadBalancer", args: { ipIds: [ref("v4")] } },
  { name: "lb2", kind: "LoadBalancer", args: { releaseIp: true } },
  { name: "lb3", kind: "LoadBalancer", args: { releaseIp: true } },
  { name: "web", kind: "Backend", args: { lbId: ref("lb"), forwardProtocol: "http", forwardPort: 80 } },
  { name: "extra", kind: "Backend", args: { lbId: ref("lb"), forwardPort: 8080 } },
  { name: "web2", kind: "Backend", args: { lbId: ref("lb2"), forwardProtocol: "http", forwardPort: 80 } },
  {
    name: "site",
    kind: "Certificate",
    args: { lbId: ref("lb"), letsencrypt: { commonName: "shop.acme-corp.fr" } },
  },
  {
    name: "uploaded",
    kind: "Certificate",
    args: { lbId: ref("lb"), customCertificate: { certificateChain: { pem: "chain-cn-only" } } },
  },
  {
    name: "site2",
    kind: "Certificate",
    args: { lbId: ref("lb2"), letsencrypt: { commonName: "shop2.acme-corp.fr" } },
  },
  { name: "http", kind: "Frontend", args: { lbId: ref("lb"), backendId: ref("web"), inboundPort: 80 } },
  {
    name: "https",
    kind: "Frontend",
    args: { lbId: ref("lb"), backendId: ref("web"), inboundPort: 443, certificateIds: [ref("uploaded")] },
  },
  { name: "alt", kind: "Frontend", args: { lbId: ref("lb2"), backendId: ref("web2"), inboundPort: 8080 } },
  {
    name: "api",
    kind: "Route",
    args: { frontendId: ref("https"), backendId: ref("web"), match: { hostHeader: "api.acme-corp.fr" } },
  },
  {
    name: "api2",
    kind: "Route",
    args: { frontendId: ref("alt"), backendId: ref("web2"), match: { hostHeader: "api2.acme-corp.fr" } },
  },
  {
    name: "deny",
    kind: "Acl",
    args: {
      frontendId: ref("http"),
      index: 0,
      action: { type: "deny" },
      match: { ipSubnet: ["203.0.113.0/24"] },
    },
  },
  { name: "deny2", kind: "Acl", args: { frontendId: ref("alt"), index: 0, action: { type: "deny" } } },
];

/** Which object of the tree a field's case changes (by default, the first object of the kind). */
const SUBJECTS: Record<string, string> = {
  "LoadBalancer.zone": "lb2",
  "Ip.projectId": "spare2",
  "Ip.isIpv6": "spare3",
  "LoadBalancer.assignFlexibleIp": "lb3",
  "LoadBalancer.assignFlexibleIpv6": "lb2",
  "Backend.lbId": "extra",
  "Certificate.lbId": "site",
  "Certificate.customCertificate": "uploaded",
};
/** Where a child goes when its parent changes: every reference moves to the other tree. */
const OTHER_TREE: Record<string, string> = { lb: "lb2", web: "web2", http: "alt", https: "alt" };
const OTHER_PROJECT = "99999999-2222-4333-8444-555555555555";
/** New values of the one-of objects (replace-policy objects): valid for the API, and different. */
const OTHER_OBJECTS: Record<string, Args> = {
  "Certificate.letsencrypt": { commonName: "www.acme-corp.fr" },
  "Certificate.customCertificate": { certificateChain: { pem: "chain-with-sans" } },
};
const ZONES = ["nl-ams-1", "pl-waw-1", "fr-par-2"];

const definitionOf = (kind: string): ResourceDefinition => {
  const found = definitions.find((d) => d.kind === kind);
  if (!found) throw new Error(`no definition ${kind}`);
  return found;
};
const declared = (tree: readonly Declared[], name: string): Declared => {
  const found = tree.find((d) => d.name === name);
  if (!found) throw new Error(`${name} is not in the tree`);
  return found;
};
const refOf = (value: unknown): string | undefined =>
  value !== null && typeof value === "object" && "ref" in value && typeof value.ref === "string"
    ? value.ref
    : undefined;
/** The parent of a declared object (by its definition's parent input), if any. */
const parentOf = (d: Declared): string | undefined => {
  const parent = definitionOf(d.kind).parent;
  return parent ? refOf(d.args[parent]) : undefined;
};
const rootOf = (tree: readonly Declared[], name: string): string => {
  const parent = parentOf(declared(tree, name));
  return parent ? rootOf(tree, parent) : name;
};
/** Every object below `name` through parent ids. */
const descendants = (tree: readonly Declared[], name: string): string[] =>
  tree.filter((d) => parentOf(d) === name).flatMap((d) => [d.name, ...descendants(tree, d.name)]);
/** The objects whose arguments refer to `name` (e.g. a load balancer using an Ip). */
const referrers = (tree: readonly Declared[], name: string): string[] =>
  tree.filter((d) => JSON.stringify(d.args).includes(JSON.stringify(ref(name)))).map((d) => d.name);

interface Case {
  /** The fields (`Kind.field`) whose change this case makes. */
  readonly covers: string[];
  readonly subject: string;
  readonly change: (args: Args) => Args;
}

/** The change a case makes to its subject's arguments, by the role of the field. */
function caseFor(definition: ResourceDefinition, field: string, prop: Prop): Case {
  const key = `${definition.kind}.${field}`;
  const subject = SUBJECTS[key] ?? INITIAL.find((d) => d.kind === definition.kind)?.name ?? "";
  if (field === "zone" && definition.parent) {
    // A child lives in its parent's zone: its zone changes when its whole tree moves, which is
    // the case of the top-level kind's zone (one case covers every kind of that tree).
    const root = rootOf(INITIAL, SUBJECTS["LoadBalancer.zone"] ?? "");
    return { ...caseFor(definitionOf(declared(INITIAL, root).kind), "zone", prop), covers: [key] };
  }
  if (field === definition.parent) {
    const moved = (value: unknown): unknown => {
      const name = refOf(value);
      if (name) return ref(OTHER_TREE[name] ?? name);
      return Array.isArray(value) ? value.map(moved) : value;
    };
    return {
      covers: [key],
      subject,
      change: (args) => Object.fromEntries(Object.entries(args).map(([k, v]) => [k, moved(v)])),
    };
  }
  if (field === "zone") {
    return {
      covers: [key],
      subject,
      change: (args) => ({ ...args, zone: ZONES.find((z) => z !== args.zone) }),
    };
  }
  if (field === "projectId")
    return { covers: [key], subject, change: (args) => ({ ...args, projectId: OTHER_PROJECT }) };
  if (prop.type === "boolean") {
    // Flip the effective value (an allocated IPv4 is the default when no ipIds are given).
    const effective = (args: Args) =>
      args[field] ?? prop.default ?? (field === "assignFlexibleIp" && !args.ipIds);
    return { covers: [key], subject, change: (args) => ({ ...args, [field]: !effective(args) }) };
  }
  if (prop.type === "array") {
    // Shrinking is what replaces (growing is an update): drop the last item.
    return {
      covers: [key],
      subject,
      change: (args) => ({ ...args, [field]: (args[field] as unknown[]).slice(0, -1) }),
    };
  }
  const other = OTHER_OBJECTS[key];
  if (prop.type === "object" && other)
    return { covers: [key], subject, change: (args) => ({ ...args, [field]: other }) };
  throw new Error(`no case for ${key}: give it a role in replacements.test.ts`);
}

/** The tree after a case's change. */
function withCase(tree: readonly Declared[], c: Case): Declared[] {
  const next = structuredClone(tree) as Declared[];
  const subject = declared(next, c.subject);
  subject.args = c.change(subject.args);
  return next;
}

/** An IPv6 Ip created and added to `lb`, which already uses the IPv4 `v4`. */
function withIpv6Added(tree: readonly Declared[]): Declared[] {
  const next = structuredClone(tree) as Declared[];
  next.splice(
    next.findIndex((d) => d.name === "lb"),
    0,
    { name: "v6", kind: "Ip", args: { isIpv6: true } },
  );
  declared(next, "lb").args.ipIds = [ref("v4"), ref("v6")];
  return next;
}

/** `lb2` (allocated addresses) asks for an IPv6 too. */
function withIpv6Allocated(tree: readonly Declared[]): Declared[] {
  const next = structuredClone(tree) as Declared[];
  declared(next, "lb2").args.assignFlexibleIpv6 = true;
  return next;
}

/** Kinds whose replacements another engine test drives, and which one. */
const ELSEWHERE: Readonly<Record<string, string>> = {
  PrivateNetwork: "every input re-attaches (detach, then attach): private-backends.test.ts",
};

/** Every replace-policy field of every kind, and the shrinking side of every add-policy field. */
const replaceFields = definitions
  .filter((d) => !(d.kind in ELSEWHERE))
  .flatMap((definition) =>
    Object.entries(definition.inputs)
      .filter(
        ([, prop]) => prop.policy === "replace" || (typeof prop.policy === "object" && "add" in prop.policy),
      )
      .map(([field, prop]) => ({ definition, field, prop })),
  );

/** One case per distinct change: cases making the same change (subject and field) merge. */
const cases = [
  ...replaceFields
    .map(({ definition, field, prop }) => caseFor(definition, field, prop))
    .reduce((merged, c) => {
      const key = `${c.subject}:${c.covers[0]?.split(".")[1] === "zone" ? "zone" : c.covers[0]}`;
      const same = merged.get(key);
      merged.set(key, same ? { ...same, covers: [...same.covers, ...c.covers] } : c);
      return merged;
    }, new Map<string, Case>())
    .values(),
];

/**
 * Cases batched into rounds (one preview and one up each), in order: consecutive cases share a
 * round while they touch separate objects — their subject, what is below it, what refers to it
 * and its parent, before and after the change.
 */
const rounds: Case[][] = (() => {
  const batches: Case[][] = [[]];
  let touched = new Set<string>();
  let simulated = withIpv6Allocated(withIpv6Added(INITIAL));
  for (const c of cases) {
    const after = withCase(simulated, c);
    const objects = [simulated, after].flatMap((t) => [
      c.subject,
      ...descendants(t, c.subject),
      ...referrers(t, c.subject),
      parentOf(declared(t, c.subject)) ?? c.subject,
    ]);
    if (objects.some((name) => touched.has(name))) {
      batches.push([]);
      touched = new Set();
    }
    batches[batches.length - 1]?.push(c);
    for (const name of objects) touched.add(name);
    simulated = after;
  }
  return batches;
})();

/** URN name -> the ops of its steps, in order ("same" left out). */
type Steps = Record<string, string[]>;
const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

describe("preview = up, resource by resource, and IPs added in place", () => {
  let emulator: EmulatorHarness;
  let engine: EngineStack;
  /** The tree as last applied. */
  let tree: Declared[] = [];

  beforeAll(async () => {
    emulator = await startHarness();
    engine = await engineStack(join(__dirname, "fixtures", "tree"), emulator, "replacements");
  }, MINUTE);
  afterAll(async () => {
    await engine.stack.destroy().catch(() => undefined);
    await engine.stack.workspace.removeStack("replacements").catch(() => undefined);
    await emulator.close();
    engine.cleanup();
  });

  const stepsOf = async (run: (onEvent: (event: EngineEvent) => void) => Promise<unknown>) => {
    const steps: Steps = {};
    await run((event) => {
      const meta = event.resourcePreEvent?.metadata;
      if (!meta || meta.op === "same" || !meta.urn.includes("scaleway-lb")) return;
      const name = nameOf(meta.urn);
      steps[name] = [...(steps[name] ?? []), meta.op];
    });
    return steps;
  };

  /** Sets the tree, previews, runs up; preview and up must list the same steps. */
  const apply = async (next: Declared[]) => {
    tree = next;
    await engine.stack.setConfig("tree", { value: JSON.stringify(tree) });
    const preview = await stepsOf((onEvent) => engine.stack.preview({ onEvent }));
    const before = await engine.ids();
    const { result: up, calls } = await engine.calls(() =>
      stepsOf((onEvent) => engine.stack.up({ onEvent })),
    );
    expect(preview).toEqual(up);
    // Converged: the same program previews no change.
    const again = await engine.stack.preview();
    expect(again.changeSummary).toEqual({ same: tree.length + 1 }); // and the stack itself
    return { steps: up, calls, before, after: await engine.ids() };
  };

  /** Nothing leaked: the emulator holds exactly the stack's objects (and IPs they hold). */
  const expectNoLeak = async () => {
    const ids = new Set(Object.values(await engine.ids()));
    const state = await emulator.state();
    const objects = {
      lbs: state.lbs,
      backends: state.backends,
      frontends: state.frontends,
      routes: state.routes,
      acls: state.acls,
      certificates: state.certificates,
    };
    for (const [family, list] of Object.entries(objects)) {
      const leaked = list.map((o: { id: string }) => o.id).filter((id) => !ids.has(id));
      expect({ family, leaked }).toEqual({ family, leaked: [] });
    }
    const stray = state.ips.filter((ip) => !ids.has(ip.id) && !(ip.lb_id !== null && ids.has(ip.lb_id)));
    expect(stray).toEqual([]);
  };

  it(
    "creates the tree, as previewed",
    async () => {
      const { steps } = await apply([...INITIAL]);
      expect(Object.keys(steps).sort()).toEqual(INITIAL.map((d) => d.name).sort());
      await expectNoLeak();
    },
    3 * MINUTE,
  );

  it(
    "an Ip's IPv6 added to a running load balancer: created, then attached in place",
    async () => {
      const { steps, calls, before, after } = await apply(withIpv6Added(tree));
      expect(steps).toEqual({ v6: ["create"], lb: ["update"] });
      expect(after.lb).toBe(before.lb);
      const v6 = after.v6 as string;
      // The Ip's create looks for an earlier attempt by its creation tag, then POSTs (the same tag
      // would resolve a lost answer: no list before the POST).
      expect(calls).toEqual(["GET /ips", "POST /ips", `PATCH /ips/${v6}`, `GET /lbs/${before.lb}`]);
      const state = await emulator.state();
      expect(state.ips.find((ip) => ip.id === v6)?.lb_id).toBe(before.lb);
      await expectNoLeak();
    },
    3 * MINUTE,
  );

  it(
    "assignFlexibleIpv6 turned on: an IPv6 booked and attached in place",
    async () => {
      const { steps, calls, before, after } = await apply(withIpv6Allocated(tree));
      expect(steps).toEqual({ lb2: ["update"] });
      expect(after.lb2).toBe(before.lb2);
      expect(calls.map((c) => c.replace(/^PATCH \/ips\/[0-9a-f-]{36}$/, "PATCH /ips/{new}"))).toEqual([
        "GET /ips",
        "POST /ips",
        "PATCH /ips/{new}",
        `GET /lbs/${before.lb2}`,
      ]);
      const mine = (await emulator.state()).ips.filter((ip) => ip.lb_id === before.lb2);
      expect(mine).toHaveLength(2);
      await expectNoLeak();
    },
    3 * MINUTE,
  );

  it("has a case for every replace-policy field of every kind", () => {
    const covered = rounds.flat().flatMap((c) => c.covers);
    expect(covered.sort()).toEqual(replaceFields.map((f) => `${f.definition.kind}.${f.field}`).sort());
    expect(covered.length).toBeGreaterThan(15);
  });

  it.each(rounds.map((round) => [round.map((c) => c.covers.join(", ")).join("; "), round] as const))(
    "%s: replaced as previewed, children with their parent; converges; nothing leaked",
    async (_title, round) => {
      const next = round.reduce(withCase, tree);
      const { steps, before, after } = await apply(next);
      for (const c of round) {
        for (const name of [c.subject, ...descendants(next, c.subject)]) {
          expect({ name, ops: steps[name] }).toEqual({ name, ops: expect.arrayContaining(["replace"]) });
          expect(after[name]).not.toBe(before[name]);
        }
      }
      await expectNoLeak();
    },
    3 * MINUTE,
  );
});
