/**
 * `scaleway-lb import` against the emulator: it reads a whole tree with GET calls only, writes a
 * project whose every resource the provider checks and adopts with no difference and no API write,
 * and whose index.ts type-checks against the package.
 */

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../cli";
import type { DeclaredResource } from "../../cli/import/declare";
import { evaluateArgs } from "../../cli/import/expr";
import { dependencyVersions } from "../../cli/import/package-info";
import { readTree } from "../../cli/import/read-tree";
import { renderProgram } from "../../cli/import/render-program";
import { createLbClient } from "../../provider/client";
import { resolveConfig } from "../../provider/client/config";
import { adoptionDifferences } from "../../provider/resources/adoption";
import { definitions } from "../../provider/resources/definitions";
import * as runtime from "../../provider/runtime";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { configureRuntime, TEST_PROJECT, TEST_SECRET_KEY } from "../support/runtime-harness";
import { captureIo } from "./support/io";
import { bare, createShop, LEGACY_CHAIN, type ShopIds } from "./support/shop";

const MUTATING = /^(POST|PUT|PATCH|DELETE) /;
const WORK = join(__dirname, ".work");

describe("scaleway-lb import against the emulator", () => {
  let emulator: EmulatorHarness;
  let shop: ShopIds;
  let work: string;
  let out: string;
  let env: Record<string, string>;

  const callsDuring = async (action: () => Promise<unknown>): Promise<string[]> => {
    const before = (await emulator.log()).length;
    await action();
    return (await emulator.calls()).slice(before);
  };

  beforeAll(async () => {
    emulator = await startHarness();
    await configureRuntime(emulator.url);
    shop = await createShop(await emulator.createPrivateNetwork());
    mkdirSync(WORK, { recursive: true });
    // Inside the repository, so that the generated program resolves pulumi-scaleway-lb and @pulumi/pulumi.
    work = mkdtempSync(join(WORK, "import-"));
    out = join(work, "acme-shop");
    env = {
      SCW_API_URL: emulator.url,
      SCW_SECRET_KEY: TEST_SECRET_KEY,
      SCW_DEFAULT_PROJECT_ID: TEST_PROJECT,
    };
  });

  afterAll(async () => {
    await emulator.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("reads the tree with GET calls only and writes the project to ./<project>", async () => {
    const run = captureIo(env, work, work);
    let code = -1;
    const calls = await callsDuring(async () => {
      code = await main(["import", "--zone", "fr-par-1", "--lb", bare(shop.lb)], run.io);
    });
    expect({ code, stderr: run.stderr() }).toEqual({ code: 0, stderr: expect.not.stringContaining("error") });
    // 11 reads, some of them concurrent: the LB, its IP, the four lists of the LB, the LB's private
    // IPs in IPAM (it has an attachment), then per frontend its routes (a zone-level list filtered
    // by frontend_id) and its ACLs.
    expect([...calls].sort()).toEqual(
      [
        `GET /lbs/${bare(shop.lb)}`,
        `GET /ips/${bare(shop.ip)}`,
        `GET /lbs/${bare(shop.lb)}/backends`,
        `GET /lbs/${bare(shop.lb)}/frontends`,
        `GET /lbs/${bare(shop.lb)}/certificates`,
        `GET /lbs/${bare(shop.lb)}/private-networks`,
        "GET /ipam/v1/regions/fr-par/ips",
        "GET /routes",
        "GET /routes",
        `GET /frontends/${bare(shop.https)}/acls`,
        `GET /frontends/${bare(shop.http)}/acls`,
      ].sort(),
    );
    for (const name of ["Pulumi.yaml", "package.json", "tsconfig.json", "index.ts", "README.md"]) {
      expect(existsSync(join(out, name))).toBe(true);
    }
    expect(run.stdout()).toContain("Read 12 objects");
    expect(run.stdout()).toContain("1 private network attachment)");
  });

  it("never prints the secret key", async () => {
    const run = captureIo({ ...env, SCW_LB_DEBUG: "1" }, work, work);
    expect(await main(["import", "--lb", shop.lb, "--out", join(work, "again")], run.io)).toBe(0);
    expect(run.stdout() + run.stderr()).not.toContain(TEST_SECRET_KEY);
    expect(readFileSync(join(work, "again", "index.ts"), "utf8")).not.toContain(TEST_SECRET_KEY);
  });

  describe("the generated program", () => {
    let resources: readonly DeclaredResource[];

    beforeAll(async () => {
      // The same model the command rendered: re-derived from the API, it must print the same files.
      const api = createLbClient({ config: resolveConfig({ env, homeDir: work }) });
      const tree = await readTree(api, "fr-par-1", bare(shop.lb));
      await api.close();
      if (!tree) throw new Error("the shop is gone");
      const rendered = renderProgram(tree, {
        project: "acme-shop",
        command: `scaleway-lb import --zone fr-par-1 --lb ${bare(shop.lb)}`,
        versions: dependencyVersions(),
      });
      for (const [name, content] of rendered.files)
        expect(readFileSync(join(out, name), "utf8")).toBe(content);
      resources = rendered.model.resources;
    });

    const argsOf = (r: DeclaredResource) => evaluateArgs(r.args, { secret: () => LEGACY_CHAIN });

    it("declares all 12 objects, each by its importId, the attachment referring to the LB", () => {
      const ids = Object.values(shop).sort();
      expect(resources.map((r) => r.importId).sort()).toEqual(ids);
      const index = readFileSync(join(out, "index.ts"), "utf8");
      for (const id of ids) expect(index).toContain(`importId: "${id}",`);
      expect(index).toContain(
        'new scw.PrivateNetwork("acme-shop-private-network", {\n  lbId: acmeShop.id,\n',
      );
    });

    it("for every resource, check then diff against the live object finds nothing to change", async () => {
      for (const r of resources) {
        const definition = definitions.find((d) => d.kind === r.kind);
        if (!definition) throw new Error(r.kind);
        const provider = runtime.provider(r.kind);
        const checked = await provider.check({}, argsOf(r));
        expect({ resource: r.names.resourceName, failures: checked.failures }).toEqual({
          resource: r.names.resourceName,
          failures: [],
        });
        const live = await provider.read(r.importId, {});
        // The provider's own adoption rule: local settings, create-time flags and secrets don't count.
        const changed = adoptionDifferences(definition, live.props, checked.inputs).map((d) => d.property);
        expect({ resource: r.names.resourceName, changed }).toEqual({
          resource: r.names.resourceName,
          changed: [],
        });
      }
    });

    it("is adopted by the provider, object after object, with no API write; the next diff is empty", async () => {
      const calls = await callsDuring(async () => {
        for (const r of resources) {
          const provider = runtime.provider(r.kind);
          const checked = await provider.check({}, argsOf(r));
          const created = await provider.create(checked.inputs);
          expect(created.id).toBe(r.importId);
          const next = await provider.diff(created.id, created.outs, checked.inputs);
          expect({ resource: r.names.resourceName, changes: next.changes }).toEqual({
            resource: r.names.resourceName,
            changes: false,
          });
        }
      });
      expect(calls.filter((c) => MUTATING.test(c))).toEqual([]);
    });

    it("type-checks against the package (tsc --noEmit)", () => {
      const tsc = require.resolve("typescript/bin/tsc");
      const run = () =>
        execFileSync(process.execPath, [tsc, "-p", join(out, "tsconfig.json"), "--noEmit"], {
          encoding: "utf8",
        });
      expect(run).not.toThrow();
    }, 120_000);
  });

  describe("errors", () => {
    it("names a load balancer that does not exist, exit 1", async () => {
      const run = captureIo(env, work, work);
      const missing = "fr-par-1/0badc0de-0000-4000-8000-000000000000";
      expect(await main(["import", "--lb", missing, "--out", join(work, "missing")], run.io)).toBe(1);
      expect(run.stderr()).toContain(`load balancer ${missing} not found`);
      expect(existsSync(join(work, "missing"))).toBe(false);
    });

    it("without credentials, says where the key may be set, exit 1", async () => {
      const home = mkdtempSync(join(work, "home-"));
      const run = captureIo({ SCW_API_URL: emulator.url }, work, home);
      expect(await main(["import", "--lb", shop.lb], run.io)).toBe(1);
      expect(run.stderr()).toBe(
        [
          "error: No Scaleway secret key found. Set it in one of these places (the first one set wins):",
          "  - the SCW_SECRET_KEY environment variable",
          `  - secret_key in the Scaleway CLI config file ${join(home, ".config", "scw", "config.yaml")}, which does not exist`,
          "A key is created in the Scaleway console under IAM > API keys.\n",
        ].join("\n"),
      );
    });

    it("refuses to overwrite a project unless --force", async () => {
      const run = captureIo(env, work, work);
      expect(await main(["import", "--lb", shop.lb, "--out", out], run.io)).toBe(1);
      expect(run.stderr()).toContain("--force");
      expect(
        await main(["import", "--lb", shop.lb, "--out", out, "--force"], captureIo(env, work, work).io),
      ).toBe(0);
    });
  });
});
