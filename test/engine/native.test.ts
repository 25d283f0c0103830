/**
 * The native door through the real CLI against the emulator: `pulumi import` of every kind with no
 * API write and a clean preview of the imported program; a detailed diff (sets compared as sets,
 * replacements named); custom timeouts bounding the waits; two explicit provider instances with
 * their own credentials, endpoints and CLI profile in one program.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { main } from "../../cli";
import { createShopTree } from "../../scripts/examples/shop-tree";
import { captureIo } from "../cli/support/io";
import { createShop, type ShopIds } from "../cli/support/shop";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { configureRuntime, create, TEST_PROJECT, TEST_SECRET_KEY } from "../support/runtime-harness";
import { MUTATING, WORK } from "./support/engine";
import { type ExportedResource, type NativeProject, nativeProject } from "./support/native-project";

const mutating = (calls: readonly string[]) => calls.filter((c) => MUTATING.test(c));

/** `new native.<Kind>(name, inputs, opts)` for each resource, from the inputs the stack holds. */
function programOf(resources: readonly ExportedResource[], extra = ""): string {
  const lines = resources
    .filter((r) => r.type.startsWith("scaleway-lb:index:"))
    .map((r) => {
      const kind = r.type.slice("scaleway-lb:index:".length);
      const name = r.urn.slice(r.urn.lastIndexOf("::") + 2);
      return `new native.${kind}(${JSON.stringify(name)}, ${JSON.stringify(r.inputs)});`;
    });
  return `${lines.join("\n")}\n${extra}`;
}

function preEvents(events: readonly EngineEvent[], name: string) {
  return events
    .map((e) => e.resourcePreEvent?.metadata)
    .filter((m) => m?.urn.endsWith(`::${name}`) && m.op !== "same");
}

describe("the native door (pulumi-resource-scaleway-lb)", () => {
  let emulator: EmulatorHarness;
  let shop: ShopIds;
  let project: NativeProject;

  const callsDuring = async <T>(operation: () => Promise<T>): Promise<{ result: T; calls: string[] }> => {
    const before = (await emulator.log()).length;
    const result = await operation();
    return { result, calls: (await emulator.calls()).slice(before) };
  };

  beforeAll(async () => {
    emulator = await startHarness();
    await configureRuntime(emulator.url);
    shop = await createShop(await emulator.createPrivateNetwork(), "native-shop");
    project = await nativeProject(emulator.url);
  }, 120_000);

  afterAll(async () => {
    await project?.stack.destroy().catch(() => undefined);
    project?.cleanup();
    await emulator.close();
  }, 180_000);

  it("imports each kind with `pulumi import` and no API write; the imported program previews clean", async () => {
    const imports: [string, string, string][] = [
      ["Ip", "ip", shop.ip],
      ["LoadBalancer", "web", shop.lb],
      ["Certificate", "site", shop.site],
      ["Backend", "app", shop.app],
      ["Frontend", "https", shop.https],
      ["Frontend", "http", shop.http],
      ["Route", "api-route", shop.route],
      ["Acl", "to-https", shop.toHttps],
    ];
    const printed: Record<string, string> = {};
    for (const [kind, name, id] of imports) {
      const { result, calls } = await callsDuring(() =>
        project.cli(["import", `scaleway-lb:index:${kind}`, name, id, "--yes", "--protect=false"]),
      );
      expect({ kind, out: result.stdout }).toEqual({ kind, out: expect.stringContaining("1 imported") });
      expect({ kind, writes: mutating(calls) }).toEqual({ kind, writes: [] });
      printed[name] = result.stdout;
    }
    // --generate-code (the default) prints the program that declares what was imported.
    expect(printed.web).toContain('import * as scaleway_lb from "pulumi-scaleway-lb/native";');
    expect(printed.web).toContain('const web = new scaleway_lb.LoadBalancer("web", {');
    expect(printed.web).toContain('description: "ACME online shop",');
    expect(printed.app).toMatch(/serverIps: \[\s*"10\.0\.0\.11",\s*"10\.0\.0\.12",?\s*\]/);
    const resources = await project.resources();
    const web = resources.find((r) => r.urn.endsWith("::web"));
    expect(web?.id).toBe(shop.lb);
    expect(web?.inputs).toMatchObject({
      name: "native-shop",
      description: "ACME online shop",
      zone: "fr-par-1",
    });

    // A refresh right after the import finds nothing to change either.
    const refresh = await callsDuring(() => project.stack.refresh());
    expect(refresh.result.summary.resourceChanges).toEqual({ same: imports.length + 1 });
    expect(mutating(refresh.calls)).toEqual([]);

    project.program(programOf(resources));
    const { result: preview, calls } = await callsDuring(() => project.stack.preview());
    expect(preview.changeSummary).toEqual({ same: imports.length + 1 });
    expect(mutating(calls)).toEqual([]);
  }, 600_000);

  it("imports a whole tree with `pulumi import -f`, from the file `scaleway-lb import` writes; its program previews clean", async () => {
    // A tree with no uploaded certificate: an uploaded chain is never returned by the API, so an
    // imported program cannot declare it (the import file's notes say so).
    // Objects of their own identity (harness creates have no resource name: the first shop's
    // objects would otherwise be taken over as an earlier attempt of these).
    let made = 0;
    const ids = await createShopTree(
      async (kind, args) => (await create(kind, { ...args, __resourceName: `tree-${made++}` })).id,
      {
        name: "tree-shop",
      },
    );
    const tree = await nativeProject(emulator.url, "tree");
    try {
      const file = join(tree.dir, "resources.json");
      const run = captureIo({ SCW_API_URL: emulator.url, SCW_SECRET_KEY: TEST_SECRET_KEY }, tree.dir);
      const written = await callsDuring(() =>
        main(["import", "--lb", ids.lb, "--import-file", "resources.json"], run.io),
      );
      expect({ code: written.result, stderr: run.stderr() }).toEqual({ code: 0, stderr: expect.any(String) });
      expect(mutating(written.calls)).toEqual([]);
      const listed = JSON.parse(readFileSync(file, "utf8")) as { resources: { type: string; id: string }[] };
      expect(listed.resources.map((r) => r.id).sort()).toEqual(
        [
          ids.ip,
          ids.lb,
          ids.site,
          ids.app,
          ids.api,
          ids.https,
          ids.http,
          ids.route,
          ids.toHttps,
          ids.denyBots,
        ].sort(),
      );

      const { result, calls } = await callsDuring(() =>
        tree.cli(["import", "-f", file, "--yes", "--protect=false", "--out", join(tree.dir, "index.ts")]),
      );
      expect(result.stdout).toContain(`${listed.resources.length} imported`);
      expect(mutating(calls)).toEqual([]);
      const program = readFileSync(join(tree.dir, "index.ts"), "utf8");
      expect(program).toContain('import * as scaleway_lb from "pulumi-scaleway-lb/native";');

      tree.useTypeScript();
      const preview = await callsDuring(() => tree.stack.preview());
      expect(preview.result.changeSummary).toEqual({ same: listed.resources.length + 1 });
      expect(mutating(preview.calls)).toEqual([]);
    } finally {
      tree.cleanup();
    }
  }, 600_000);

  it("shows a detailed diff: one of six servers removed is one removed element; a replacement is named", async () => {
    const base = programOf(await project.resources());
    const servers = ["10.0.9.1", "10.0.9.2", "10.0.9.3", "10.0.9.4", "10.0.9.5", "10.0.9.6"];
    const pool = (ips: string[]) =>
      `new native.Backend("pool", { lbId: ${JSON.stringify(shop.lb)}, forwardProtocol: "tcp", forwardPort: 80, serverIps: ${JSON.stringify(ips)} });`;
    project.program(`${base}\n${pool(servers)}`);
    await project.stack.up();

    project.program(`${base}\n${pool(servers.filter((ip) => ip !== "10.0.9.3"))}`);
    const events: EngineEvent[] = [];
    const preview = await project.stack.preview({ diff: true, onEvent: (e) => events.push(e) });
    const [step] = preEvents(events, "pool");
    expect(step?.op).toBe("update");
    expect(step?.detailedDiff).toEqual({ "serverIps[2]": { diffKind: "delete", inputDiff: false } });
    expect(step?.diffs).toEqual(["serverIps"]);
    // The engine's own rendering: one removed server, no shifted list.
    expect(preview.stdout).toMatch(/- \[2\]: "10\.0\.9\.3"/);
    expect(preview.stdout).not.toMatch(/~ \[\d\]:/);

    const { calls } = await callsDuring(() => project.stack.up());
    const poolId = (await project.resources()).find((r) => r.urn.endsWith("::pool"))?.id ?? "";
    expect(mutating(calls)).toEqual([`PUT /backends/${poolId.slice(poolId.indexOf("/") + 1)}/servers`]);

    // Moving the route to another frontend replaces it, and the diff says why.
    const moved = base.replace(JSON.stringify(shop.https), JSON.stringify(shop.http));
    project.program(`${moved}\n${pool(servers.filter((ip) => ip !== "10.0.9.3"))}`);
    const replaceEvents: EngineEvent[] = [];
    await project.stack.preview({ onEvent: (e) => replaceEvents.push(e) });
    const routeSteps = preEvents(replaceEvents, "api-route");
    expect(routeSteps.map((s) => s?.op)).toContain("replace");
    expect(routeSteps[0]?.detailedDiff).toEqual({
      frontendId: { diffKind: "update-replace", inputDiff: false },
    });
    expect(routeSteps[0]?.keys).toEqual(["frontendId"]);
    project.program(`${base}\n${pool(servers.filter((ip) => ip !== "10.0.9.3"))}`);
  }, 600_000);

  it("serves the lookup functions as invokes: a program reads the shop with GET calls only", async () => {
    const base = programOf(await project.resources());
    project.program(
      `${base}\nexports.found = native.getLoadBalancerOutput({ lbId: ${JSON.stringify(shop.lb)} }).name;\nexports.backendCount = native.getBackendsOutput({ lbId: ${JSON.stringify(shop.lb)} }).backends.apply((b) => b.length);`,
    );
    const { result, calls } = await callsDuring(() => project.stack.up());
    expect(mutating(calls)).toEqual([]);
    const lb = (await emulator.state()).lbs.find((l) => shop.lb.endsWith(l.id));
    expect(result.outputs.found?.value).toBe(lb?.name);
    expect(result.outputs.backendCount?.value).toBe(
      (await emulator.state()).backends.filter((b) => shop.lb.endsWith(b.lb.id)).length,
    );
    project.program(base);
  }, 300_000);

  it("bounds the waits of a create by its customTimeouts and keeps the created object", async () => {
    const base = programOf(await project.resources());
    await emulator.configure({ timings: { lbCreate: { mode: "duration", ms: 8000 } } });
    project.program(`${base}\nnew native.LoadBalancer("slow", {}, { customTimeouts: { create: "2s" } });`);
    try {
      const failure = await project.stack.up().then(
        () => "succeeded",
        (error: unknown) => String(error),
      );
      expect(failure).toContain(
        "LoadBalancer slow: create did not finish within its custom timeout (customTimeouts.create = 2s)",
      );
      expect(failure).toContain("waitForLb");
    } finally {
      await emulator.configure({ timings: { lbCreate: { mode: "instant" } } });
    }
    // Created but not ready in time: recorded in state, not leaked.
    const slow = (await project.resources()).find((r) => r.urn.endsWith("::slow"));
    expect(slow?.id).toMatch(/^fr-par-1\//);
  }, 600_000);
});

describe("two explicit providers of the native door in one program", () => {
  const KEY_A = "aaaaaaaa-test-key-of-account-a-0000";
  const KEY_B = "bbbbbbbb-test-key-of-account-b-0000";
  const PROJECT_B = "99999999-8888-4777-8666-555555555555";
  let a: EmulatorHarness;
  let b: EmulatorHarness;
  let project: NativeProject;
  let scwDir: string | undefined;

  beforeAll(async () => {
    a = await startHarness({ acceptedSecretKeys: [KEY_A] });
    b = await startHarness({ acceptedSecretKeys: [KEY_B] });
  }, 60_000);

  afterAll(async () => {
    project?.cleanup();
    if (scwDir) rmSync(scwDir, { recursive: true, force: true });
    await a.close();
    await b.close();
  }, 60_000);

  it("manages one object in each account: credentials from provider args and from a CLI profile", async () => {
    // Each emulator accepts only its account's key, and the file's default profile has neither.
    scwDir = mkdtempSync(join(WORK, "scw-"));
    const scwConfig = join(scwDir, "config.yaml");
    writeFileSync(
      scwConfig,
      `secret_key: not-this-one\nprofiles:\n  second:\n    secret_key: ${KEY_B}\n    api_url: ${b.url}\n    default_project_id: ${PROJECT_B}\n`,
    );
    // No SCW_* settings: they would win over the profile's file values, as everywhere else.
    project = await nativeProject(a.url, "accounts", {
      SCW_CONFIG_PATH: scwConfig,
      SCW_API_URL: "",
      SCW_SECRET_KEY: "",
      SCW_DEFAULT_PROJECT_ID: "",
    });
    project.program(
      [
        `const first = new native.Provider("first", { apiUrl: ${JSON.stringify(a.url)}, secretKey: ${JSON.stringify(KEY_A)}, projectId: ${JSON.stringify(TEST_PROJECT)} });`,
        `const second = new native.Provider("second", { profile: "second" });`,
        `new native.Ip("ip-a", { tags: ["a"] }, { provider: first });`,
        `new native.Ip("ip-b", { tags: ["b"] }, { provider: second });`,
      ].join("\n"),
    );
    const up = await project.stack.up();
    expect(up.summary.result).toBe("succeeded");
    const [stateA, stateB] = [await a.state(), await b.state()];
    expect(stateA.ips).toHaveLength(1);
    expect(stateB.ips).toHaveLength(1);
    // Besides the declared tag, the API holds the IP's hidden creation tag (exactly-once creates).
    const declaredTags = (tags: unknown) =>
      (tags as string[]).filter((t) => !t.startsWith("pulumi-scaleway-lb-create-"));
    expect(stateA.ips[0]).toMatchObject({ project_id: TEST_PROJECT });
    expect(declaredTags(stateA.ips[0]?.tags)).toEqual(["a"]);
    expect(stateB.ips[0]).toMatchObject({ project_id: PROJECT_B });
    expect(declaredTags(stateB.ips[0]?.tags)).toEqual(["b"]);
    // The explicit key is a provider input: stored encrypted, never in clear.
    const stored = project.storedState();
    expect(stored).toContain("pulumi:providers:scaleway-lb::first");
    expect(stored).not.toContain(KEY_A);
    expect(stored).not.toContain(KEY_B);

    const destroy = await project.stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    expect((await a.state()).ips).toHaveLength(0);
    expect((await b.state()).ips).toHaveLength(0);
  }, 600_000);
});
