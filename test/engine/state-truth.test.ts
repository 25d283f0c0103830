/**
 * The state tells the truth, through the real engine: the five situations users reported, each as
 * it was seen (the whole matrix of fields is state-matrix.test.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { main } from "../../cli";
import { selfSignedChain } from "../../scripts/examples/self-signed";
import { captureIo } from "../cli/support/io";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { offlinePulumiEnv } from "../support/pulumi-env";
import { configureRuntime, create, TEST_PROJECT, TEST_SECRET_KEY, update } from "../support/runtime-harness";
import { type EngineStack, engineStack, MUTATING, mutating, WORK } from "./support/engine";

const MINUTE = 60_000;

describe("state truth: what users saw", () => {
  let emulator: EmulatorHarness;
  let engine: EngineStack;
  const declare = (resources: unknown[]) =>
    engine.stack.setConfig("resources", { value: JSON.stringify(resources) });
  const api = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${emulator.url}/lb/v1/zones/fr-par-1${path}`, {
      method,
      headers: { "x-auth-token": TEST_SECRET_KEY, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { id: string };
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };

  beforeAll(async () => {
    emulator = await startHarness();
    await configureRuntime(emulator.url);
    engine = await engineStack(join(__dirname, "fixtures", "declared"), emulator, "truth");
  }, MINUTE);
  afterAll(async () => {
    await engine.stack.destroy().catch(() => undefined);
    await engine.stack.workspace.removeStack("truth").catch(() => undefined);
    await emulator.close();
    engine.cleanup();
  });

  const lb = { kind: "LoadBalancer", name: "lb", args: { name: "truth-lb" } };
  const settings = {
    maxConnections: 100,
    failoverHost: "failover.s3-website.fr-par.scw.cloud",
    timeoutQueue: "5s",
    redispatchAttemptCount: 2,
  };
  const backend = (extra: Record<string, unknown>) => ({
    kind: "Backend",
    name: "app",
    args: { lbId: { $ref: "lb" }, forwardPort: 8080, ...extra },
  });

  it(
    "1. removing optional arguments is one backend PUT, then the program previews empty for good",
    async () => {
      await declare([lb, backend(settings)]);
      await engine.stack.up();
      const { app } = await engine.ids();
      await declare([lb, backend({})]);
      const removed = await engine.calls(() => engine.stack.up());
      expect(mutating(removed.calls)).toEqual([`PUT /backends/${app}`]);
      await engine.stack.preview({ expectNoChanges: true });
      await engine.stack.refresh();
      await engine.stack.preview({ expectNoChanges: true });
      expect(mutating((await engine.calls(() => engine.stack.up())).calls)).toEqual([]);
    },
    5 * MINUTE,
  );

  it(
    "2. settings cleared out of band show as drift after refresh, and up restores them with one call",
    async () => {
      await declare([lb, backend(settings)]);
      await engine.stack.up();
      const { app } = await engine.ids();
      // A full PUT that keeps everything else, as another tool would send it.
      const deployment = await engine.stack.exportStack();
      const resources: {
        urn: string;
        id: string;
        inputs: Record<string, never>;
        outputs: Record<string, never>;
      }[] = Reflect.get(deployment.deployment, "resources");
      const stored = resources.find((r) => r.urn.endsWith("::app"));
      if (!stored) throw new Error("app is not in state");
      const { maxConnections, redispatchAttemptCount, timeoutQueue, ...kept } = stored.inputs;
      await update("Backend", stored, kept);
      expect([maxConnections, redispatchAttemptCount, timeoutQueue]).toEqual([100, 2, 5000]);

      await engine.stack.refresh();
      const preview = await engine.stack.preview();
      expect(preview.changeSummary).toEqual({ same: 2, update: 1 });
      const restored = await engine.calls(() => engine.stack.up());
      expect(mutating(restored.calls)).toEqual([`PUT /backends/${app}`]);
      await engine.stack.preview({ expectNoChanges: true });
      const api = (await emulator.state()).backends.find((b) => b.id === app);
      expect(api).toMatchObject({ max_connections: 100, redispatch_attempt_count: 2 });
    },
    5 * MINUTE,
  );

  it(
    "3. a backend made with only the essentials imports whole and adopts with no write",
    async () => {
      // Every kind, each with only the fields the API requires (the API stores null for the rest).
      const made = await api("POST", "/lbs", { name: "essentials", project_id: TEST_PROJECT, type: "LB-S" });
      const minimal = await api("POST", `/lbs/${made.id}/backends`, {
        name: "bare",
        forward_protocol: "http",
        forward_port: 80,
        forward_port_algorithm: "roundrobin",
        sticky_sessions: "none",
        health_check: { port: 80, check_max_retries: 2, http_config: { uri: "/healthz", method: "GET" } },
        server_ip: ["10.0.0.5"],
      });
      const frontend = await api("POST", `/lbs/${made.id}/frontends`, {
        name: "bare-front",
        inbound_port: 80,
        backend_id: minimal.id,
      });
      await api("POST", "/routes", {
        frontend_id: frontend.id,
        backend_id: minimal.id,
        match: { path_begin: "/api" },
      });
      await api("POST", `/frontends/${frontend.id}/acls`, {
        name: "bare-acl",
        action: { type: "deny" },
        index: 0,
      });
      const work = mkdtempSync(join(WORK, "essentials-"));
      const env = offlinePulumiEnv("pslb-essentials-");
      try {
        const run = captureIo({ SCW_API_URL: emulator.url, SCW_SECRET_KEY: TEST_SECRET_KEY }, work);
        const code = await main(
          ["import", "--lb", `fr-par-1/${made.id}`, "--out", join(work, "essentials")],
          run.io,
        );
        expect({ code, stderr: run.stderr() }).toEqual({
          code: 0,
          stderr: expect.not.stringMatching(/error|differ/),
        });
        const program = readFileSync(join(work, "essentials", "index.ts"), "utf8");
        expect(program).toContain('uri: "/healthz"');
        for (const kind of ["LoadBalancer", "Backend", "Frontend", "Route", "Acl"])
          expect(program).toContain(`new scw.${kind}(`);

        const stack = await LocalWorkspace.createOrSelectStack(
          { stackName: "essentials", workDir: join(work, "essentials") },
          { envVars: { ...env.envVars, SCW_LB_RATE_LIMIT: "1000" } },
        );
        await stack.setAllConfig({
          "scaleway:apiUrl": { value: emulator.url },
          "scaleway:secretKey": { value: TEST_SECRET_KEY, secret: true },
          "scaleway:projectId": { value: TEST_PROJECT },
        });
        const before = (await emulator.log()).length;
        expect((await stack.up()).summary.result).toBe("succeeded");
        const calls = (await emulator.calls()).slice(before);
        expect(calls.filter((c) => MUTATING.test(c))).toEqual([]);
        await stack.preview({ expectNoChanges: true });
        await stack.refresh();
        await stack.preview({ expectNoChanges: true });
        await stack.destroy();
        expect((await emulator.state()).backends.map((b) => b.id)).not.toContain(minimal.id);
      } finally {
        env.cleanup();
        rmSync(work, { recursive: true, force: true });
      }
    },
    5 * MINUTE,
  );

  it(
    "4. a load balancer created but failed is recorded as it is, and can be refreshed and destroyed while failing",
    async () => {
      await engine.stack.destroy();
      await emulator.configure({ lbErrorPattern: "^broken" });
      await declare([{ kind: "LoadBalancer", name: "broken", args: { name: "broken-lb" } }]);
      await expect(engine.stack.up()).rejects.toThrow(/kept in state/);
      const deployment = await engine.stack.exportStack();
      const resources: { urn: string; outputs: Record<string, unknown> }[] = Reflect.get(
        deployment.deployment,
        "resources",
      );
      const broken = resources.find((r) => r.urn.endsWith("::broken"));
      expect(broken?.outputs.status).toBe("error");
      expect(typeof broken?.outputs.__provider).toBe("string");

      expect((await engine.stack.refresh()).summary.result).toBe("succeeded");
      expect((await engine.stack.destroy()).summary.result).toBe("succeeded");
      expect((await emulator.state()).lbs.filter((l) => l.name === "broken-lb")).toEqual([]);
      await emulator.configure({ lbErrorPattern: null });
    },
    5 * MINUTE,
  );

  it(
    "5. adopting an uploaded certificate compares the declared chain's leaf; dropping importId later is one quiet update",
    async () => {
      const owner = await create("LoadBalancer", { name: "certs" });
      const right = selfSignedChain("internal.acme-platform.io");
      const cert = await create("Certificate", {
        lbId: owner.id,
        name: "internal",
        customCertificate: { certificateChain: right },
      });
      await engine.stack.setConfig("chain", { value: selfSignedChain("other.example.org"), secret: true });
      const adopt = (withImportId: boolean) =>
        declare([
          {
            kind: "Certificate",
            name: "internal",
            args: {
              lbId: owner.id,
              name: "internal",
              customCertificate: { certificateChain: { $secret: "chain" } },
              ...(withImportId ? { importId: cert.id } : {}),
            },
          },
        ]);
      await adopt(true);
      const refused = await engine.calls(() =>
        engine.stack.up().then(
          () => "",
          (e: Error) => e.message,
        ),
      );
      expect(refused.result).toContain("customCertificate leaf names");
      expect(refused.result).toContain('declared ["other.example.org"], found ["internal.acme-platform.io"]');
      expect(mutating(refused.calls)).toEqual([]);

      await engine.stack.setConfig("chain", { value: right, secret: true });
      const adopted = await engine.calls(() => engine.stack.up());
      expect(mutating(adopted.calls)).toEqual([]);
      await adopt(false);
      const dropped = await engine.calls(() => engine.stack.up());
      expect(dropped.result.summary.resourceChanges).toEqual({ same: 1, update: 1 });
      expect(dropped.calls).toEqual([]);
      await engine.stack.preview({ expectNoChanges: true });
    },
    5 * MINUTE,
  );
});
