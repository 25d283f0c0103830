/**
 * `dataFile` persistence: objects survive a restart; a write that cannot be made durable is
 * refused and not applied; stale temporary files are removed; the file is validated at start;
 * a write appends a journal line whose size does not depend on the store.
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import { COMPACT_MIN_BYTES } from "../../emulator/persistence";
import { Api, PROJECT, str } from "./support/api";

describe("persistence", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "lb-emulator-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("restores every object, with in-flight transitions, after a restart", async () => {
    const file = join(dir, "data.json");
    const config = { timings: { certificate: { mode: "reads" as const, reads: 1 } } };
    const first = await startEmulator({ dataFile: file, config });
    const api = new Api(first.url);
    const { lbId, backendId, frontendId } = await api.stack();
    const lb = await api.get(`lbs/${lbId}`);
    const cert = await api.ok(
      api.post(`lbs/${lbId}/certificates`, {
        name: "c",
        letsencrypt: { common_name: str(lb.body, "ip[0].reverse") },
      }),
    );
    const before = await api.state();
    await first.close();

    const second = await startEmulator({ dataFile: file, config });
    try {
      const again = new Api(second.url);
      expect(await again.state()).toEqual(before);
      expect((await again.get(`backends/${backendId}`)).status).toBe(200);
      expect((await again.get(`frontends/${frontendId}`)).body).toMatchObject({ backend: { id: backendId } });
      expect((await again.get(`certificates/${str(cert, "id")}`)).body.status).toBe("pending");
      expect((await again.get(`certificates/${str(cert, "id")}`)).body.status).toBe("ready");
      const ip = await again.createIp();
      expect(str(ip, "id")).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await second.close();
    }
  });

  it("saves a timed step that advanced on any request (creating, with its new instance id)", async () => {
    const file = join(dir, "data.json");
    const config = { timings: { lbCreate: { mode: "duration" as const, ms: 600_000, queuedMs: 0 } } };
    const first = await startEmulator({ dataFile: file, config });
    const api = new Api(first.url);
    const lb = await api.ok(api.post("lbs", { project_id: PROJECT, name: "timed", type: "LB-S" }));
    // Not a read of the LB: the state dump only ticks the transitions.
    const [seen] = (await api.state()).lbs as Array<Record<string, unknown>>;
    expect(seen).toMatchObject({ id: lb.id, status: "creating" });
    await first.close();
    const second = await startEmulator({ dataFile: file, config });
    const [again] = (await new Api(second.url).state()).lbs as Array<Record<string, unknown>>;
    await second.close();
    expect(again?.instances).toEqual(seen?.instances);
  });

  it("ignores a torn temporary file left by a crash mid-write", async () => {
    const file = join(dir, "data.json");
    const first = await startEmulator({ dataFile: file });
    const ip = await new Api(first.url).createIp();
    await first.close();
    writeFileSync(`${file}.99999.tmp`, '{"version":1,"seq":3,"lbs":[{"id":');
    const second = await startEmulator({ dataFile: file });
    expect((await new Api(second.url).get(`ips/${str(ip, "id")}`)).status).toBe(200);
    await second.close();
    expect(() => JSON.parse(readFileSync(file, "utf8"))).not.toThrow();
  });

  it("refuses to start on a file that is not emulator data", async () => {
    const file = join(dir, "data.json");
    writeFileSync(file, '{"hello":"world"}');
    await expect(startEmulator({ dataFile: file })).rejects.toThrow(/not an emulator data file/);
  });

  it("removes stale FILE.<pid>.tmp files at start, and only those", async () => {
    const file = join(dir, "data.json");
    for (const pid of [123, 456, 789]) writeFileSync(`${file}.${pid}.tmp`, "{");
    writeFileSync(join(dir, "other.json.1.tmp"), "{");
    writeFileSync(`${file}.keep`, "x");
    const lines: string[] = [];
    const running = await startEmulator({ dataFile: file, log: (l) => lines.push(l) });
    await running.close();
    expect(readdirSync(dir).sort()).toEqual(["other.json.1.tmp", "data.json.keep"].sort());
    expect(lines.filter((l) => l.startsWith("removed stale temporary file"))).toHaveLength(3);
  });

  it("names the file and the bad line or row of an invalid data file", async () => {
    const file = join(dir, "data.json");
    const first = await startEmulator({ dataFile: file });
    const api = new Api(first.url);
    await api.createIp();
    await api.createIp();
    await first.close();
    const good = readFileSync(file, "utf8");

    writeFileSync(file, good.slice(0, 40));
    await expect(startEmulator({ dataFile: file })).rejects.toThrow(`${file}: line 1 is not valid JSON`);

    const header = JSON.parse(good.split("\n")[0] ?? "");
    header.ips[0].seq = "two";
    writeFileSync(file, `${JSON.stringify(header)}\n`);
    await expect(startEmulator({ dataFile: file })).rejects.toThrow(
      `${file}: line 1, ips[0]: field "seq" must be a number, got "two"`,
    );

    header.ips[0].seq = 1;
    header.backends = [{ id: "b", zone: "fr-par-1", seq: 3, lbId: "nowhere", name: "x" }];
    writeFileSync(file, `${JSON.stringify(header)}\n`);
    await expect(startEmulator({ dataFile: file })).rejects.toThrow(
      /backends row "b": lbId "nowhere" is not in lbs/,
    );

    header.backends = [];
    writeFileSync(
      file,
      `${JSON.stringify(header)}\n{"seq":3,"ops":[["ips","x",{"id":"x"}]]}\n{"seq":4,"ops":[]}\n`,
    );
    await expect(startEmulator({ dataFile: file })).rejects.toThrow(
      `${file}: line 2, op 0 (ips row "x"): field "zone" must be a string`,
    );
    writeFileSync(file, `${JSON.stringify(header)}\n{"seq":3,"op\n{"seq":4,"ops":[]}\n`);
    await expect(startEmulator({ dataFile: file })).rejects.toThrow(`${file}: line 2 is not valid JSON`);
  });

  it("drops a torn last journal line (never acknowledged) and keeps appending after it", async () => {
    const file = join(dir, "data.json");
    const first = await startEmulator({ dataFile: file });
    const kept = await new Api(first.url).createIp();
    await first.close();
    appendFileSync(file, '{"seq":9,"ops":[["ips","abc",{"id":"ab');
    const lines: string[] = [];
    const second = await startEmulator({ dataFile: file, log: (l) => lines.push(l) });
    const api = new Api(second.url);
    const added = await api.createIp();
    await second.close();
    expect(lines.join("\n")).toContain("dropped a torn last entry");
    const third = await startEmulator({ dataFile: file });
    const again = new Api(third.url);
    expect((await again.get(`ips/${str(kept, "id")}`)).status).toBe(200);
    expect((await again.get(`ips/${str(added, "id")}`)).status).toBe(200);
    expect((await again.get("ips")).body.total_count).toBe(2);
    await third.close();
  });

  it("loads a data file of the previous format (one snapshot, no newline) and appends to it", async () => {
    const file = join(dir, "data.json");
    const first = await startEmulator({ dataFile: file });
    const ip = await new Api(first.url).createIp();
    await first.close();
    // The previous format: the snapshot alone, written without a trailing newline.
    const second = await startEmulator({ dataFile: join(dir, "copy.json") });
    await second.close();
    const state = readFileSync(file, "utf8").split("\n");
    const merged = JSON.parse(state[0] ?? "");
    for (const line of state.slice(1).filter((l) => l !== "")) {
      for (const [, key, row] of JSON.parse(line).ops)
        merged.ips = [...merged.ips.filter((r: { id: string }) => r.id !== key), row];
      merged.seq = JSON.parse(line).seq;
    }
    writeFileSync(file, JSON.stringify(merged));
    const third = await startEmulator({ dataFile: file });
    const other = await new Api(third.url).createIp();
    await third.close();
    const fourth = await startEmulator({ dataFile: file });
    const api = new Api(fourth.url);
    expect((await api.get(`ips/${str(ip, "id")}`)).status).toBe(200);
    expect((await api.get(`ips/${str(other, "id")}`)).status).toBe(200);
    await fourth.close();
  });

  it("answers 503 and changes nothing when a write cannot be made durable; recovers when it can", async () => {
    const sub = join(dir, "sub");
    mkdirSync(sub);
    const file = join(sub, "data.json");
    const lines: string[] = [];
    const running = await startEmulator({ dataFile: file, log: (l) => lines.push(l) });
    try {
      const api = new Api(running.url);
      const kept = await api.createIp();
      const lb = await api.createLb();
      rmSync(sub, { recursive: true, force: true });

      const refused = await api.post("ips", { project_id: PROJECT });
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ type: "service_unavailable" });
      expect(lines.join("\n")).toContain(`could not save to ${file}`);
      const renamed = await api.put(`lbs/${str(lb, "id")}`, { name: "renamed", description: "", tags: [] });
      expect(renamed.status).toBe(503);
      expect((await api.del(`ips/${str(kept, "id")}`)).status).toBe(503);
      // Nothing of the refused writes is in memory.
      expect((await api.get("ips")).body.total_count).toBe(2);
      expect((await api.get(`lbs/${str(lb, "id")}`)).body.name).toBe("lb");
      expect((await api.get(`ips/${str(kept, "id")}`)).status).toBe(200);
      const reset = await fetch(`${running.url}/__emulator/reset`, { method: "POST" });
      expect(reset.status).toBe(503);
      expect((await api.get("ips")).body.total_count).toBe(2);

      mkdirSync(sub);
      const saved = await api.createIp();
      await running.close();
      const again = await startEmulator({ dataFile: file });
      const after = new Api(again.url);
      expect((await after.get("ips")).body.total_count).toBe(3);
      expect((await after.get(`ips/${str(saved, "id")}`)).status).toBe(200);
      expect((await after.get(`lbs/${str(lb, "id")}`)).body.name).toBe("lb");
      await again.close();
    } finally {
      await running.close().catch(() => undefined);
    }
  });

  it("appends one journal line per write, whose size does not grow with the store, and compacts", async () => {
    const file = join(dir, "data.json");
    const running = await startEmulator({ dataFile: file });
    const api = new Api(running.url);
    const ip = await api.createIp();
    const growth = async (tag: string) => {
      const before = statSync(file).size;
      await api.ok(api.patch(`ips/${str(ip, "id")}`, { tags: [tag] }));
      return statSync(file).size - before;
    };
    const small = await growth("t");
    for (let i = 0; i < 300; i += 1) await api.createIp({ tags: [`tag-${i}`] });
    const large = await growth("u");
    expect(small).toBeGreaterThan(0);
    // The same change costs the same bytes (give or take the digits of the creation counter).
    expect(Math.abs(large - small)).toBeLessThanOrEqual(4);
    expect(small).toBeLessThan(1024);
    // Writes past the compaction threshold fold the journal back into one snapshot line.
    const pad = Array.from({ length: 8 }, (_, i) => `${i}`.repeat(120));
    let compacted = false;
    for (let i = 0, previous = 0; !compacted && i < 10_000; i += 1) {
      await api.ok(api.patch(`ips/${str(ip, "id")}`, { tags: [...pad, String(i)] }));
      const size = statSync(file).size;
      compacted = size < previous;
      previous = size;
      if (!compacted) expect(size).toBeLessThan(COMPACT_MIN_BYTES + 64 * 1024);
    }
    expect(compacted).toBe(true);
    const lines = readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l !== "");
    expect(lines.length).toBeLessThan(5);
    const state = await api.state();
    await running.close();
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false);
    const again = await startEmulator({ dataFile: file });
    expect(await new Api(again.url).state()).toEqual(state);
    await again.close();
  }, 120_000);

  it("a reset is persisted too", async () => {
    const file = join(dir, "data.json");
    const first = await startEmulator({ dataFile: file });
    const api = new Api(first.url);
    await api.createIp();
    await api.reset();
    await first.close();
    const second = await startEmulator({ dataFile: file });
    expect((await new Api(second.url).get("ips")).body.total_count).toBe(0);
    await second.close();
  });
});
