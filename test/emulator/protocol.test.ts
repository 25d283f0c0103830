/** HTTP-level behaviour: auth (§1.1, §7.1), malformed input (§7.3), routing, zones. */
import { request } from "node:http";
import { MAX_BODY_BYTES } from "../../emulator/server";
import { type Api, expectInvalidArgument, MISSING, PROJECT, str, useEmulator } from "./support/api";

const emu = useEmulator();
const api = (): Api => emu.api();

describe("authentication", () => {
  it("answers 401 denied_authentication without X-Auth-Token", async () => {
    const res = await api().withToken(null).get("lbs");
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      message: "authentication is denied",
      method: "api_key",
      reason: "invalid_argument",
      type: "denied_authentication",
    });
  });

  it("accepts any token by default, and only the configured ones when set", async () => {
    expect((await api().withToken("anything").get("lbs")).status).toBe(200);
    await api().configure({ acceptedSecretKeys: ["secret-1"] });
    const refused = await api().withToken("anything").get("lbs");
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ type: "denied_authentication", reason: "not_found" });
    expect((await api().withToken("secret-1").get("lbs")).status).toBe(200);
  });
});

describe("malformed input", () => {
  it("answers 400 invalid_arguments for bad JSON and non-object bodies", async () => {
    expectInvalidArgument(await api().post("ips", undefined, { raw: "{not json" }), "body", "format");
    expectInvalidArgument(await api().post("ips", [1, 2]), "body", "format");
  });

  it("answers 400 for a body over 1 MiB and keeps serving", async () => {
    const huge = JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES) });
    const res = await api().post("lbs", undefined, { raw: huge });
    expectInvalidArgument(res, "body", "format");
    expect((await api().createIp()).id).toEqual(expect.any(String));
  });

  it("accepts explicit nulls for every optional field and ignores unknown fields", async () => {
    const res = await api().post("ips", {
      project_id: PROJECT,
      organization_id: null,
      reverse: null,
      is_ipv6: null,
      tags: null,
      surprise: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty("surprise");
  });

  it("reports every invalid argument at once", async () => {
    const res = await api().post("lbs", { name: 3, tags: [1], assign_flexible_ip: "yes" });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ argument_name: "name", reason: "format" }),
        expect.objectContaining({ argument_name: "tags[0]", reason: "format" }),
        expect.objectContaining({ argument_name: "assign_flexible_ip", reason: "format" }),
      ]),
    );
  });
});

describe("routing and zones", () => {
  it("answers 400 for an unknown zone and for a path id that is not a UUID", async () => {
    expectInvalidArgument(await api().get("lbs", { zone: "mars-1" }), "zone", "constraint");
    expectInvalidArgument(await api().get("lbs/not-a-uuid"), "lb_id", "format");
  });

  it("answers 404 for unknown paths and 405 for unknown methods on known paths", async () => {
    expect((await api().get("nothing-here")).status).toBe(404);
    expect((await api().get("/lb/v2/zones/fr-par-1/lbs")).status).toBe(404);
    expect((await api().call("PATCH", "lbs")).status).toBe(405);
  });

  it("scopes every id to its zone", async () => {
    const lb = await api().createLb({}, "nl-ams-1");
    const id = str(lb, "id");
    expect((await api().get(`lbs/${id}`, { zone: "nl-ams-1" })).status).toBe(200);
    expect((await api().get(`lbs/${id}`)).status).toBe(404);
    expect(
      (await api().post(`lbs/${id}/backends`, { name: "b", forward_port: 80, health_check: {} })).status,
    ).toBe(404);
    expect((await api().get(`lbs/${MISSING}`, { zone: "nl-ams-1" })).status).toBe(404);
  });

  it("answers every response with application/json and a request id, 204 with an empty body", async () => {
    const ip = await api().createIp();
    const res = await api().del(`ips/${str(ip, "id")}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("survives a client that aborts mid-body", async () => {
    const url = new URL(api().url("lbs"));
    await new Promise<void>((resolve) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: { "Content-Length": "1000" },
        },
        () => resolve(),
      );
      req.on("error", () => resolve());
      req.write('{"name":');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 20);
    });
    expect((await api().get("lbs")).status).toBe(200);
  });
});
