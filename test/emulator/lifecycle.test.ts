/** Status machines (§6) under each timing mode: instant, after N reads, after a duration. */
import { type Api, list, str, useEmulator } from "./support/api";

const emu = useEmulator();
const api = (): Api => emu.api();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function newLb(extra: Record<string, unknown> = {}): Promise<string> {
  return str(await api().ok(api().post("lbs", { name: "lb", ...extra })), "id");
}

async function lbView(id: string): Promise<string> {
  const res = await api().get(`lbs/${id}`);
  if (res.status === 404) return "gone";
  const instances = list(res.body, "instances").map((i) => str(i, "status"));
  return `${str(res.body, "status")}/${instances.join(",")}`;
}

describe("LB creation", () => {
  it("instant: the first read shows ready", async () => {
    const id = await newLb();
    expect(await lbView(id)).toBe("ready/ready");
  });

  it("reads: to_create (queued, no instance), creating (instance unknown), then ready", async () => {
    await api().configure({ timings: { lbCreate: { mode: "reads", reads: 2, queuedReads: 1 } } });
    const id = await newLb();
    expect([await lbView(id), await lbView(id), await lbView(id), await lbView(id)]).toEqual([
      "to_create/",
      "creating/unknown",
      "creating/unknown",
      "ready/ready",
    ]);
  });

  it("reads: list reads count too, other requests do not", async () => {
    await api().configure({ timings: { lbCreate: { mode: "reads", reads: 1 } } });
    const id = await newLb();
    await api().get(`lbs/${id}/private-networks`);
    await api().get(`lbs/${id}/backends`);
    expect(list((await api().get("lbs")).body, "lbs")[0]).toMatchObject({ status: "creating" });
    expect(await lbView(id)).toBe("ready/ready");
  });

  it("duration: transient until the time has passed", async () => {
    await api().configure({ timings: { lbCreate: { mode: "duration", ms: 60_000 } } });
    const slow = await newLb();
    expect(await lbView(slow)).toBe("creating/unknown");
    await api().configure({ timings: { lbCreate: { mode: "duration", ms: 30 } } });
    const quick = await newLb();
    await sleep(60);
    expect(await lbView(quick)).toBe("ready/ready");
    expect(await lbView(slow)).toBe("creating/unknown");
  });

  it("keeps the timing of each change: reconfiguring does not alter transitions in flight", async () => {
    await api().configure({ timings: { lbCreate: { mode: "reads", reads: 2 } } });
    const id = await newLb();
    await api().configure({ timings: { lbCreate: { mode: "instant" } } });
    expect(await lbView(id)).toBe("creating/unknown");
  });

  it("lbErrorPattern: matching LBs end in error; cleared, they become ready on their next read", async () => {
    await api().configure({ lbErrorPattern: "^broken-" });
    const broken = await newLb({ name: "broken-1" });
    const fine = await newLb({ name: "fine" });
    expect(await lbView(broken)).toBe("error/error");
    expect(await lbView(fine)).toBe("ready/ready");
    expect(await lbView(broken)).toBe("error/error");
    await api().configure({ lbErrorPattern: null });
    expect(await lbView(broken)).toBe("ready/ready");
  });
});

describe("configuration changes, migration, deletion", () => {
  it("instances go pending after a change and back to ready after N reads", async () => {
    await api().configure({ timings: { instances: { mode: "reads", reads: 2 } } });
    const id = await newLb();
    expect(await lbView(id)).toBe("ready/ready");
    await api().createBackend(id);
    expect([await lbView(id), await lbView(id), await lbView(id)]).toEqual([
      "ready/pending",
      "ready/pending",
      "ready/ready",
    ]);
  });

  it("migrate shows migrating for N reads (lbUpdate timing)", async () => {
    await api().configure({ timings: { lbUpdate: { mode: "reads", reads: 1 } } });
    const id = await newLb();
    await lbView(id);
    await api().post(`lbs/${id}/migrate`, { type: "LB-GP-L" });
    expect(await lbView(id)).toBe("migrating/ready");
    expect((await api().get(`lbs/${id}`)).body).toMatchObject({ status: "ready", type: "lb-gp-l" });
  });

  it("delete shows to_delete for a duration, then the LB is gone", async () => {
    await api().configure({ timings: { lbDelete: { mode: "duration", ms: 40 } } });
    const id = await newLb();
    await lbView(id);
    await api().del(`lbs/${id}?release_ip=true`);
    expect(await lbView(id)).toBe("to_delete/ready");
    await sleep(80);
    expect(await lbView(id)).toBe("gone");
  });
});

describe("certificates and private networks", () => {
  it("Let's Encrypt certificates follow the certificate timing (duration)", async () => {
    await api().configure({ timings: { certificate: { mode: "duration", ms: 40 } } });
    const lb = await api().createLb();
    const cert = await api().ok(
      api().post(`lbs/${str(lb, "id")}/certificates`, {
        name: "c",
        letsencrypt: { common_name: str(lb, "ip[0].reverse") },
      }),
    );
    expect((await api().get(`certificates/${str(cert, "id")}`)).body.status).toBe("pending");
    await sleep(80);
    expect((await api().get(`certificates/${str(cert, "id")}`)).body.status).toBe("ready");
  });

  it("instant private network attachments are ready on the first list", async () => {
    const lbId = str(await api().createLb(), "id");
    const pn = await api().createPrivateNetwork();
    const res = await api().post(`lbs/${lbId}/attach-private-network`, { private_network_id: str(pn, "id") });
    expect(res.body.status).toBe("pending");
    const listed = await api().get(`lbs/${lbId}/private-networks`);
    expect(list(listed.body, "private_network").map((pn) => str(pn, "status"))).toEqual(["ready"]);
  });
});
