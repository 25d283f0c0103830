/**
 * What the engine shows of the provider's own messages: SCW_LB_DEBUG lines under the resource
 * whose step made the API call (the diagnostic events carry its URN), and, on a Node.js older
 * than 22, a plain error naming the version instead of undici's TypeError.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { binDirWith, findOldNode } from "../support/old-node";
import { type EngineStack, engineStack } from "./support/engine";

const MINUTE = 60_000;
const FIXTURE = join(__dirname, "fixtures", "messages");
const IP_TYPE = "pulumi-nodejs:dynamic/scaleway-lb:Ip";
// A component's child: its URN's type carries the parent's type.
const LB_TYPE = "messages:index:Site$pulumi-nodejs:dynamic/scaleway-lb:LoadBalancer";

interface Diagnostic {
  readonly urn: string | undefined;
  readonly severity: string;
  readonly message: string;
}

function diagnostics(events: readonly EngineEvent[]): Diagnostic[] {
  return events.flatMap((e) =>
    e.diagnosticEvent
      ? [
          {
            urn: e.diagnosticEvent.urn,
            severity: e.diagnosticEvent.severity,
            message: e.diagnosticEvent.message,
          },
        ]
      : [],
  );
}

/** The SCW_LB_DEBUG lines among the diagnostics: `scaleway-lb: <operation> <METHOD> <path> -> <status> (…)`. */
function debugLines(events: readonly EngineEvent[]): { urn: string; method: string; path: string }[] {
  return diagnostics(events).flatMap((d) =>
    d.message.split("\n").flatMap((line) => {
      const match = /^scaleway-lb: \w+ ([A-Z]+) (\S+) -> \S+ \(/.exec(line);
      return match ? [{ urn: d.urn ?? "", method: match[1] ?? "", path: match[2] ?? "" }] : [];
    }),
  );
}

const typeOf = (urn: string) => urn.split("::")[2] ?? "";
const nameOf = (urn: string) => urn.split("::")[3] ?? "";

describe("SCW_LB_DEBUG=1 lines, through the engine", () => {
  let emulator: EmulatorHarness;
  let engine: EngineStack;

  beforeAll(async () => {
    emulator = await startHarness();
    engine = await engineStack(FIXTURE, emulator, "debug", { SCW_LB_DEBUG: "1" });
  }, MINUTE);
  afterAll(async () => {
    await engine.stack.workspace.removeStack("debug").catch(() => undefined);
    await emulator.close();
    engine.cleanup();
  });

  it(
    "up: one line per API call, each under the resource that made it, a component's child included",
    async () => {
      const events: EngineEvent[] = [];
      const { calls } = await engine.calls(() => engine.stack.up({ onEvent: (e) => events.push(e) }));
      const lines = debugLines(events);
      expect(lines).toHaveLength(calls.length);
      const owners = new Set(lines.map((l) => `${typeOf(l.urn)} ${nameOf(l.urn)}`));
      expect(owners).toEqual(new Set([`${IP_TYPE} entry-ip`, `${LB_TYPE} site-lb`]));
      for (const line of lines) {
        expect(line.urn).toMatch(/^urn:pulumi:debug::messages::/);
        // The IP's calls are on /ips, the load balancer's on /lbs.
        expect(line.path).toMatch(nameOf(line.urn) === "entry-ip" ? /\/ips(\/|\?|$)/ : /\/lbs(\/|\?|$)/);
      }
    },
    3 * MINUTE,
  );

  it(
    "refresh: every line but the first read's (read before the provider is loaded) under its resource",
    async () => {
      const events: EngineEvent[] = [];
      const { calls } = await engine.calls(() => engine.stack.refresh({ onEvent: (e) => events.push(e) }));
      const lines = debugLines(events);
      expect(lines).toHaveLength(calls.length);
      const unattributed = lines.filter((l) => typeOf(l.urn) === "pulumi:pulumi:Stack" || l.urn === "");
      expect(unattributed).toHaveLength(1);
      expect(lines.filter((l) => [IP_TYPE, LB_TYPE].includes(typeOf(l.urn)))).toHaveLength(lines.length - 1);
    },
    3 * MINUTE,
  );

  it(
    "destroy: every line under its resource, the first delete of the process included",
    async () => {
      const events: EngineEvent[] = [];
      const { calls } = await engine.calls(() => engine.stack.destroy({ onEvent: (e) => events.push(e) }));
      const lines = debugLines(events);
      expect(lines).toHaveLength(calls.length);
      expect(lines.map((l) => `${l.method} ${nameOf(l.urn)}`).sort()).toEqual(
        calls.map((c) => `${c.split(" ")[0]} ${/^\S+ \/ips/.test(c) ? "entry-ip" : "site-lb"}`).sort(),
      );
      expect(lines.every((l) => [IP_TYPE, LB_TYPE].includes(typeOf(l.urn)))).toBe(true);
    },
    3 * MINUTE,
  );
});

const oldNode = findOldNode();
// Reason for skipping: the provider can only be run on an old Node.js when the machine has one.
(oldNode ? describe : describe.skip)(
  `the provider on the machine's Node.js ${oldNode?.version ?? "(none older than 22 found)"}`,
  () => {
    let emulator: EmulatorHarness;
    let engine: EngineStack;
    let bin: string;

    beforeAll(async () => {
      emulator = await startHarness();
      // The language host and the dynamic-provider host run the first `node` on PATH.
      bin = binDirWith(oldNode ?? { path: "node", version: "" });
      engine = await engineStack(FIXTURE, emulator, "old-node", { PATH: `${bin}:${process.env.PATH}` });
    }, MINUTE);
    afterAll(async () => {
      await engine.stack.workspace.removeStack("old-node").catch(() => undefined);
      await emulator.close();
      engine.cleanup();
      rmSync(bin, { recursive: true, force: true });
    });

    it(
      "fails the preview with an error naming the Node.js found and how to get 22, no stack trace, no API call",
      async () => {
        const events: EngineEvent[] = [];
        const { result, calls } = await engine.calls(() =>
          engine.stack.preview({ onEvent: (e) => events.push(e) }).then(
            () => undefined,
            (error: unknown) => error,
          ),
        );
        expect(result).toBeInstanceOf(Error);
        expect(calls).toEqual([]);
        const found = diagnostics(events);
        const ipError = found.find((d) => d.severity === "error" && nameOf(d.urn ?? "") === "entry-ip");
        expect(ipError?.message).toContain(
          `pulumi-scaleway-lb needs Node.js 22 or later, but this is Node.js v${oldNode?.version} (`,
        );
        expect(ipError?.message).toContain(
          'Install Node.js 22 (https://nodejs.org/en/download, or "nvm install 22"',
        );
        const everything = found.map((d) => d.message).join("\n");
        expect(everything).not.toContain("TypeError");
        expect(everything).not.toMatch(/^\s+at /m);
      },
      3 * MINUTE,
    );
  },
);
