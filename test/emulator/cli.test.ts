/** The `scaleway-lb-emulator` CLI: flags, in-process `main`, a real spawn, and crash safety of `--data`. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HELP, main, parseArgs, UsageError } from "../../emulator/cli";
import { REALISTIC_LATENCY_MS } from "../../emulator/realistic-latency";
import { Api, PROJECT, str } from "./support/api";
import { type Build, buildEmulator } from "./support/build";

describe("parseArgs", () => {
  it("maps every flag onto the emulator configuration", () => {
    const options = parseArgs([
      "--port",
      "0",
      "--host=127.0.0.1",
      "--timing",
      "realistic",
      "--lb-create-reads",
      "3",
      "--lb-create-queued-reads",
      "1",
      "--lb-delete-ms",
      "250",
      "--instances-reads",
      "2",
      "--certificate-ms=100",
      "--private-network-reads",
      "1",
      "--lb-update-reads",
      "4",
      "--latency-ms",
      "5",
      "--fault-rate",
      "0.2",
      "--fault-kinds",
      "500,503",
      "--fault-retry-after",
      "1",
      "--fault-method",
      "post",
      "--fault-path",
      "/lbs",
      "--fault-phase",
      "after",
      "--seed",
      "9",
      "--accept-key",
      "k1",
      "--accept-key",
      "k2",
      "--lb-error-pattern",
      "^bad",
      "--data",
      "/tmp/x.json",
    ]);
    expect(options).toMatchObject({ port: 0, host: "127.0.0.1", dataFile: "/tmp/x.json", help: false });
    expect(options.config).toMatchObject({
      latencyMs: 5,
      seed: 9,
      acceptedSecretKeys: ["k1", "k2"],
      lbErrorPattern: "^bad",
      timings: {
        lbCreate: { mode: "reads", reads: 3, queuedReads: 1 },
        lbDelete: { mode: "duration", ms: 250 },
        instances: { mode: "reads", reads: 2 },
        certificate: { mode: "duration", ms: 100 },
        privateNetwork: { mode: "reads", reads: 1 },
        lbUpdate: { mode: "reads", reads: 4 },
      },
    });
    const [first, second] = options.config.faults;
    expect(first).toMatchObject({
      kind: "500",
      rate: 0.1,
      method: "POST",
      pathPattern: "/lbs",
      phase: "after",
    });
    expect(second?.kind).toBe("503");
    // 10% first, then 10% of the whole = 1/9 of what is left: 20% in total.
    expect(1 - (1 - (first?.rate ?? 0)) * (1 - (second?.rate ?? 0))).toBeCloseTo(0.2);
  });

  it("rejects unknown flags and bad values", () => {
    expect(() => parseArgs(["--nope"])).toThrow(UsageError);
    expect(() => parseArgs(["--port", "x"])).toThrow(UsageError);
    expect(() => parseArgs(["--fault-rate", "2"])).toThrow(UsageError);
    expect(() => parseArgs(["--fault-kinds", "418"])).toThrow(UsageError);
    expect(() => parseArgs(["--timing", "slow"])).toThrow(UsageError);
    expect(() => parseArgs(["--request-log-limit", "-1"])).toThrow(UsageError);
  });

  it("refuses --fault-phase after with 429: a rate-limited request was not processed", () => {
    const args = ["--fault-rate", "0.5", "--fault-kinds", "503,429", "--fault-phase", "after"];
    expect(() => parseArgs(args)).toThrow(/--fault-phase after with --fault-kinds 429: .*did not process/);
    expect(
      parseArgs(["--fault-rate", "0.5", "--fault-kinds", "429", "--fault-phase", "before"]).config.faults,
    ).toEqual([expect.objectContaining({ kind: "429", phase: "before" })]);
  });

  it("--timing realistic adds the recordings' per-method latency; --request-log-limit sets the cap", () => {
    const options = parseArgs(["--timing", "realistic", "--request-log-limit", "50"]);
    expect(options.config.methodLatencyMs).toEqual(REALISTIC_LATENCY_MS);
    expect(options.config.requestLogLimit).toBe(50);
    expect(parseArgs([]).config.methodLatencyMs).toEqual({});
  });

  it("refuses patterns the linear-time matcher does not support, naming the construct", () => {
    expect(() => parseArgs(["--lb-error-pattern", "(?=a)b"])).toThrow(/lookarounds/);
    expect(() => parseArgs(["--fault-path", "(a)\\1"])).toThrow(/backreferences/);
    expect(parseArgs(["--lb-error-pattern", "^(a+)+$"]).config.lbErrorPattern).toBe("^(a+)+$");
  });

  it("documents every flag in --help", () => {
    const source = readFileSync(join(__dirname, "..", "..", "emulator", "cli.ts"), "utf8");
    const flags = new Set([...source.matchAll(/case "(--[a-z-]+)"/g)].map((m) => m[1]));
    for (const flag of flags) expect(HELP).toContain(flag ?? "");
    for (const name of [
      "lb-create",
      "lb-update",
      "lb-delete",
      "instances",
      "certificate",
      "private-network",
    ]) {
      expect(HELP).toContain(name);
    }
  });
});

describe("main (in process)", () => {
  it("prints exactly the listening line and serves the API", async () => {
    const out: string[] = [];
    const running = await main(["--port", "0", "--accept-key", "k"], {
      out: (l) => out.push(l),
      err: () => undefined,
    });
    if (!running) throw new Error("main returned no emulator");
    try {
      expect(out).toEqual([`listening on http://127.0.0.1:${running.port}`]);
      expect((await new Api(running.url, "k").get("lbs")).status).toBe(200);
      expect((await new Api(running.url, "other").get("lbs")).status).toBe(401);
    } finally {
      await running.close();
    }
  });

  it("prints the help and starts nothing", async () => {
    const out: string[] = [];
    expect(await main(["--help"], { out: (l) => out.push(l), err: () => undefined })).toBeNull();
    expect(out.join("\n")).toContain("Usage: scaleway-lb-emulator");
  });
});

function waitForLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split("\n").find((l) => l.startsWith("listening on "));
      if (line) resolve(line);
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code} before listening: ${buffer}`)));
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

describe("the compiled CLI", () => {
  let build: Build;
  let dir: string;
  beforeAll(() => {
    build = buildEmulator();
    dir = mkdtempSync(join(tmpdir(), "lb-emulator-cli-"));
  }, 60_000);
  afterAll(() => {
    rmSync(build.dir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it("starts with a shebang, serves, and exits 0 on SIGTERM and SIGINT", async () => {
    expect(readFileSync(build.cli, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const child = spawn(process.execPath, [build.cli, "--port", "0"], { env: build.env });
      const line = await waitForLine(child);
      expect(line).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
      const url = line.slice("listening on ".length);
      expect((await new Api(url).get("lbs")).status).toBe(200);
      const exited = exitOf(child);
      child.kill(signal);
      expect(await exited).toEqual({ code: 0, signal: null });
    }
  });

  it("exits 2 on a usage error", async () => {
    const child = spawn(process.execPath, [build.cli, "--bogus"], { env: build.env });
    expect((await exitOf(child)).code).toBe(2);
  });

  it("--data keeps every acknowledged write across two kill -9 in the middle of writes", async () => {
    const file = join(dir, "crash.json");
    const acknowledged: string[] = [];
    /** Starts the CLI on `file`, writes from 4 clients and SIGKILLs it after `count` more acknowledgements. */
    const writeAndKill = async (count: number) => {
      const child = spawn(process.execPath, [build.cli, "--port", "0", "--data", file], { env: build.env });
      const url = (await waitForLine(child)).slice("listening on ".length);
      const api = new Api(url);
      // Everything acknowledged before this start must have survived the previous kill.
      for (const id of acknowledged) expect((await api.get(`ips/${id}`)).status).toBe(200);
      const target = acknowledged.length + count;
      const exited = exitOf(child);
      const writers = Array.from({ length: 4 }, async () => {
        for (;;) {
          try {
            const res = await api.post("ips", { project_id: PROJECT, tags: ["crash"] });
            if (res.status !== 200) return;
            acknowledged.push(str(res.body, "id"));
            if (acknowledged.length === target) child.kill("SIGKILL");
          } catch {
            return;
          }
        }
      });
      await Promise.all(writers);
      expect((await exited).signal).toBe("SIGKILL");
      expect(acknowledged.length).toBeGreaterThanOrEqual(target);
    };
    await writeAndKill(40);
    // The second run appends to the recovered journal (its torn last line, if any, cut off).
    await writeAndKill(40);

    const last = spawn(process.execPath, [build.cli, "--port", "0", "--data", file], { env: build.env });
    try {
      const again = new Api((await waitForLine(last)).slice("listening on ".length));
      for (const id of acknowledged) expect((await again.get(`ips/${id}`)).status).toBe(200);
    } finally {
      const done = exitOf(last);
      last.kill("SIGTERM");
      await done;
    }
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});
