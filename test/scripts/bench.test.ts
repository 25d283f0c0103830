/**
 * The benchmark's pure parts: the critical-path bound from the emulator's configuration and a
 * stack's dependency graph, and the report's rows. No timing is measured here.
 */
import {
  applyBound,
  destroyBound,
  type GraphNode,
  graphFromDeployment,
  heaviestPath,
  rateBoundMs,
  refreshBound,
  timingsFromConfig,
  updateBound,
} from "../../scripts/bench/critical-path";
import { comparison, formatCalls, formatReport, median, type StepResult } from "../../scripts/bench/report";

const realistic = {
  latencyMs: 10,
  methodLatencyMs: { GET: 74, POST: 328, PUT: 358, PATCH: 90, DELETE: 341 },
  timings: {
    lbCreate: { mode: "duration", ms: 6000, queuedMs: 2000 },
    lbUpdate: { mode: "duration", ms: 5000 },
    lbDelete: { mode: "duration", ms: 3000 },
    instances: { mode: "duration", ms: 2000 },
    certificate: { mode: "duration", ms: 8000 },
    privateNetwork: { mode: "duration", ms: 4000 },
  },
};
const noRate = { ratePerSecond: 1e9, burst: 1e9 };

/** examples/basic-http: ip <- web <- app <- http (and http on web). */
const basicHttp: GraphNode[] = [
  { name: "ip", kind: "Ip", dependsOn: [] },
  { name: "web", kind: "LoadBalancer", dependsOn: ["ip"] },
  { name: "app", kind: "Backend", dependsOn: ["web"] },
  { name: "http", kind: "Frontend", dependsOn: ["web", "app"] },
];

describe("timingsFromConfig", () => {
  it("adds the global latency to each method's and sums the queued part of a creation", () => {
    const t = timingsFromConfig(realistic);
    expect(t.latencyMs).toEqual({ GET: 84, POST: 338, PUT: 368, PATCH: 100, DELETE: 351 });
    expect([t.lbCreateMs, t.lbUpdateMs, t.lbDeleteMs, t.certificateMs]).toEqual([8000, 5000, 3000, 8000]);
  });

  it("reads an emulator without per-method latency, `reads` timings as reads, and instant as 0", () => {
    const t = timingsFromConfig({
      latencyMs: 5,
      timings: { lbCreate: { mode: "reads", reads: 2, queuedReads: 1 }, lbDelete: { mode: "instant" } },
    });
    expect(t.latencyMs.POST).toBe(5);
    expect(t.lbCreateMs).toBe(15);
    expect(t.lbDeleteMs).toBe(0);
    expect(t.certificateMs).toBe(0);
  });
});

describe("critical path", () => {
  const t = timingsFromConfig(realistic);

  it("apply of basic-http: four POSTs in a chain and the load balancer's wait", () => {
    expect(applyBound(basicHttp, t, noRate)).toEqual({ ms: 4 * 338 + 8000, minCalls: 5, by: "path" });
  });

  it("destroy of basic-http: four DELETEs in a chain and the load balancer's wait to be gone", () => {
    expect(destroyBound(basicHttp, t, noRate).ms).toBe(4 * 351 + 3000);
  });

  it("independent children do not add up; a Let's Encrypt certificate waits, an uploaded one does not", () => {
    const nodes: GraphNode[] = [
      { name: "lb", kind: "LoadBalancer", dependsOn: [] },
      { name: "le", kind: "Certificate", dependsOn: ["lb"], letsencrypt: true },
      { name: "up", kind: "Certificate", dependsOn: ["lb"], letsencrypt: false },
      { name: "b1", kind: "Backend", dependsOn: ["lb"] },
      { name: "b2", kind: "Backend", dependsOn: ["lb"] },
      { name: "f", kind: "Frontend", dependsOn: ["lb", "b1", "le", "up"] },
    ];
    expect(applyBound(nodes, t, noRate).ms).toBe(338 + 8000 + 338 + 8000 + 338);
  });

  it("the rate limit bounds a wide stack: calls beyond the burst at the sustained rate", () => {
    expect(rateBoundMs(20, { ratePerSecond: 20, burst: 20 })).toBe(0);
    expect(rateBoundMs(60, { ratePerSecond: 20, burst: 20 })).toBe(2000);
    const wide: GraphNode[] = Array.from({ length: 100 }, (_, i) => ({
      name: `ip${i}`,
      kind: "Ip",
      dependsOn: [],
    }));
    expect(refreshBound(wide, t, { ratePerSecond: 20, burst: 20 })).toEqual({
      ms: 4000,
      minCalls: 100,
      by: "rate",
    });
  });

  it("the engine's parallelism bounds many waits: their total over the steps run at once", () => {
    const lbs: GraphNode[] = Array.from({ length: 20 }, (_, i) => ({
      name: `lb${i}`,
      kind: "LoadBalancer",
      dependsOn: [],
    }));
    const bound = applyBound(lbs, t, { ratePerSecond: 1e9, burst: 1e9, parallel: 8 });
    expect(bound).toEqual({ ms: (20 * (338 + 8000)) / 8, minCalls: 40, by: "parallel" });
    expect(applyBound(lbs, t, noRate).by).toBe("path");
  });

  it("an update is its calls one after the other; a migration waits", () => {
    expect(updateBound(["PUT"], t).ms).toBe(368);
    expect(updateBound(["POST"], t, true).ms).toBe(338 + 5000);
  });

  it("refuses a cycle and a dependency outside the graph", () => {
    const cycle: GraphNode[] = [
      { name: "a", kind: "Ip", dependsOn: ["b"] },
      { name: "b", kind: "Ip", dependsOn: ["a"] },
    ];
    expect(() => heaviestPath(cycle, () => 1)).toThrow(/cycle/);
    expect(() => heaviestPath([{ name: "a", kind: "Ip", dependsOn: ["z"] }], () => 1)).toThrow(/z/);
  });
});

describe("graphFromDeployment", () => {
  it("keeps this package's resources and their dependencies among them, kind from the type token", () => {
    const exported = {
      version: 3,
      deployment: {
        resources: [
          { urn: "urn:stack", type: "pulumi:pulumi:Stack" },
          { urn: "urn:lb", type: "pulumi-nodejs:dynamic/scaleway-lb:LoadBalancer", dependencies: [] },
          {
            urn: "urn:cert",
            type: "pulumi-nodejs:dynamic/scaleway-lb:Certificate",
            dependencies: ["urn:lb", "urn:lb", "urn:stack"],
            inputs: { letsencrypt: { commonName: "a.example.org" } },
          },
        ],
      },
    };
    expect(graphFromDeployment(exported)).toEqual([
      { name: "urn:lb", kind: "LoadBalancer", dependsOn: [], letsencrypt: false },
      { name: "urn:cert", kind: "Certificate", dependsOn: ["urn:lb"], letsencrypt: true },
    ]);
  });
});

describe("report", () => {
  const row = (over: Partial<StepResult>): StepResult => ({
    stack: "basic-http",
    step: "apply",
    resources: 4,
    wallMs: 20_000,
    floorMs: 2_000,
    pathMs: 10_000,
    calls: { POST: 4, GET: 9 },
    ...over,
  });

  it("compares a waiting step with its critical path and a no-wait step with the floor", () => {
    expect(comparison(row({}))).toEqual({ against: "path", ms: 10_000, ratio: 2 });
    expect(comparison(row({ step: "no-op preview", wallMs: 3_000, pathMs: 0 }))).toEqual({
      against: "floor",
      ms: 2_000,
      ratio: 1.5,
    });
    expect(comparison(row({ stack: "floor", resources: 0, pathMs: 0 }))).toEqual({ against: "none" });
  });

  it("lists calls by method in a fixed order", () => {
    expect(formatCalls({ POST: 4, GET: 9, DELETE: 0 })).toBe("GET 9 POST 4");
    expect(formatCalls({})).toBe("-");
  });

  it("prints one line per step with the ratio, the floor+path ratio and the calls", () => {
    const text = formatReport([
      row({ minCalls: 5 }),
      row({ step: "no-op preview", wallMs: 2_400, pathMs: 0, calls: {} }),
      row({ stack: "gen-200", step: "destroy", boundBy: "parallel" }),
    ]);
    const [header, apply, preview, destroy] = text.trimEnd().split("\n");
    expect(destroy).toMatch(/^gen-200\s+destroy\s+20\.00s\s+parallel 10\.00s\s+2\.00x/);
    expect(header).toMatch(
      /^stack\s+step\s+wall\s+compared with\s+ratio\s+floor\+path\s+over floor\/res\s+calls$/,
    );
    expect(apply).toMatch(
      /^basic-http\s+apply\s+20\.00s\s+path 10\.00s\s+2\.00x\s+1\.67x\s+-\s+13: GET 9 POST 4 \(min 5\)$/,
    );
    expect(preview).toMatch(/no-op preview\s+2\.40s\s+floor 2\.00s\s+1\.20x\s+1\.20x\s+100\.0ms\s+0: -$/);
  });

  it("takes the median of the floor's runs", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});
