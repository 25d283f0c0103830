/** `dataFile` persistence: objects survive a restart; a torn temporary file never corrupts the data. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import { Api, str } from "./support/api";

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
