/** The realistic preset's per-method latency: derived from the recordings, applied per method. */
import { REALISTIC_LATENCY_MS } from "../../emulator/realistic-latency";
import { Api, PROJECT, useEmulator } from "./support/api";

// The derivation script is plain CommonJS (it also runs from the command line).
const { derive } = require("../../scripts/derive-emulator-latency.js") as {
  derive(): { figures: Record<string, number>; samples: Record<string, number> };
};

describe("realistic latency", () => {
  it("is what scripts/derive-emulator-latency.js derives from the cassettes", () => {
    const { figures, samples } = derive();
    expect(REALISTIC_LATENCY_MS).toEqual(figures);
    // Reads answer much faster than writes in the recordings.
    expect(figures.GET).toBeLessThan(figures.POST ?? 0);
    expect(samples.GET).toBeGreaterThan(1000);
  });
});

describe("per-method latency", () => {
  const emu = useEmulator({ methodLatencyMs: { POST: 60 } });
  const api = (): Api => emu.api();

  it("delays the answers of the configured methods only, and can be changed at run time", async () => {
    await api().post("ips", { project_id: PROJECT });
    await api().get("ips");
    await api().configure({ methodLatencyMs: { GET: 40 } });
    await api().get("ips");
    const durations = (await api().requests()).map((r) => Number(r.durationMs));
    // Lower bounds only: a timer never fires before its delay.
    expect(durations[0]).toBeGreaterThanOrEqual(59);
    expect(durations[2]).toBeGreaterThanOrEqual(39);
    expect((await new Api(emu.emulator().url).configure({})).methodLatencyMs).toEqual({ GET: 40 });
  });
});
