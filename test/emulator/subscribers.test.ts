/** Subscribers and LB (un)subscription (§2 #45–51, §3.12, §4.10), and the offer list (§4.8). */
import { type Api, expectInvalidArgument, list, PROJECT, str, useEmulator } from "./support/api";

const emu = useEmulator();
const api = (): Api => emu.api();

describe("subscribers", () => {
  it("creates, reads, switches config, lists and deletes", async () => {
    const res = await api().post("subscribers", {
      name: "test-sub",
      email_config: { email: "foo@bar.com" },
      project_id: PROJECT,
    });
    expect(res.status).toBe(200);
    const id = str(res.body, "id");
    expect(res.body).toEqual({ id, name: "test-sub", email_config: { email: "foo@bar.com" } });
    const updated = await api().put(`subscribers/${id}`, {
      name: "hook",
      webhook_config: { uri: "https://hooks.example.net/x" },
    });
    expect(updated.body).toEqual({
      id,
      name: "hook",
      webhook_config: { uri: "https://hooks.example.net/x" },
    });
    expect((await api().get(`subscribers?name=ho&project_id=${PROJECT}`)).body.total_count).toBe(1);
    expect((await api().del(`lb/subscription/${id}`)).status).toBe(204);
    expect((await api().get(`subscribers/${id}`)).body).toEqual({ message: "subscriber not Found" });
  });

  it("validates the config one-of and the email", async () => {
    expectInvalidArgument(await api().post("subscribers", { name: "x" }), "email_config", "required");
    expectInvalidArgument(
      await api().post("subscribers", { name: "x", email_config: { email: "nope" } }),
      "email_config.email",
    );
    expectInvalidArgument(
      await api().post("subscribers", {
        name: "x",
        email_config: { email: "a@b.co" },
        webhook_config: { uri: "https://a.b" },
      }),
      "webhook_config",
      "constraint",
    );
  });

  it("subscribes an LB (200 + LB) and unsubscribes it with DELETE (200 + LB)", async () => {
    const lbId = str(await api().createLb(), "id");
    const sub = await api().ok(api().post("subscribers", { name: "s", email_config: { email: "a@b.co" } }));
    const subscribed = await api().post(`lb/${lbId}/subscribe`, { subscriber_id: str(sub, "id") });
    expect(subscribed.body.subscriber).toEqual({
      id: str(sub, "id"),
      name: "s",
      email_config: { email: "a@b.co" },
    });
    const unsubscribed = await api().del(`lb/${lbId}/unsubscribe`);
    expect(unsubscribed.status).toBe(200);
    expect(unsubscribed.body.subscriber).toBeNull();
    await api().post(`lb/${lbId}/subscribe`, { subscriber_id: str(sub, "id") });
    await api().del(`lb/subscription/${str(sub, "id")}`);
    expect((await api().get(`lbs/${lbId}`)).body.subscriber).toBeNull();
  });
});

describe("GET /lb-types", () => {
  it("lists the offers of the zone", async () => {
    const res = await api().get("lb-types", { zone: "nl-ams-1" });
    expect(res.body.total_count).toBe(4);
    expect(list(res.body, "lb_types")[0]).toEqual({
      bandwidth: 200000000,
      description: expect.any(String),
      multicloud: false,
      name: "LB-S",
      region: "nl-ams",
      stock_status: "available",
      zone: "nl-ams-1",
    });
  });
});
