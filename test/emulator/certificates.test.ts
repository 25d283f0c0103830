/** Certificate endpoints (§2 #39–43, §3.9, §4.7): Let's Encrypt and custom PEM chains. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Api, expectInvalidArgument, list, str, useEmulator } from "./support/api";

const emu = useEmulator();
const api = (): Api => emu.api();

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");

async function lbWithName(): Promise<{ lbId: string; dnsName: string }> {
  const lb = await api().createLb();
  return { lbId: str(lb, "id"), dnsName: str(lb, "ip[0].reverse") };
}

describe("Let's Encrypt certificates", () => {
  it("start pending with zero-time validity, then become ready with a fingerprint", async () => {
    await api().configure({ timings: { certificate: { mode: "reads", reads: 1 } } });
    const { lbId, dnsName } = await lbWithName();
    const res = await api().post(`lbs/${lbId}/certificates`, {
      name: "le",
      letsencrypt: { common_name: dnsName, subject_alternative_name: null },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      type: "letsencrypt",
      status: "pending",
      fingerprint: "",
      not_valid_before: "0001-01-01T00:00:00Z",
      not_valid_after: "0001-01-01T00:00:00Z",
      subject_alternative_name: [],
      status_details: null,
      common_name: dnsName,
      lb: { id: lbId, instances: [{}] },
    });
    const id = str(res.body, "id");
    expect((await api().get(`certificates/${id}`)).body).toMatchObject({
      status: "pending",
      lb: { instances: [] },
    });
    const ready = await api().get(`certificates/${id}`);
    expect(ready.body.status).toBe("ready");
    expect(str(ready.body, "fingerprint")).toMatch(/^[0-9a-f]{40}$/);
    const days =
      (Date.parse(str(ready.body, "not_valid_after")) - Date.parse(str(ready.body, "not_valid_before"))) /
      86_400_000;
    expect(days).toBe(90);
  });

  it("accepts subdomains of the LB name and refuses names that do not resolve to the LB (invalid_field)", async () => {
    const { lbId, dnsName } = await lbWithName();
    const ok = await api().post(`lbs/${lbId}/certificates`, {
      name: "san",
      letsencrypt: { common_name: dnsName, subject_alternative_name: [`sub1.${dnsName}`] },
    });
    expect(ok.status).toBe(200);
    const res = await api().post(`lbs/${lbId}/certificates`, {
      name: "x",
      letsencrypt: { common_name: "test.example.com" },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      type: "invalid_field",
      message: "Invalid parameters",
      details: [{ field: "dns_name", reason: "constraint" }],
    });
    expect(str(res.body, "details[0].message")).toMatch(
      /^test\.example\.com not resolve to your Load Balancer IP /,
    );
    const other = await api().post(`lbs/${lbId}/certificates`, {
      name: "x",
      letsencrypt: { common_name: "1-2-3-4.lb.fr-par.scw.cloud" },
    });
    expect(other.body.type).toBe("invalid_field");
  });

  it("only the name can be updated; a certificate used by a frontend cannot be deleted", async () => {
    const { lbId, dnsName } = await lbWithName();
    const cert = await api().ok(
      api().post(`lbs/${lbId}/certificates`, { name: "a", letsencrypt: { common_name: dnsName } }),
    );
    const id = str(cert, "id");
    expect(
      (await api().put(`certificates/${id}`, { name: "b", letsencrypt: { common_name: "x" } })).body,
    ).toMatchObject({
      name: "b",
      common_name: dnsName,
    });
    const backendId = str(await api().createBackend(lbId), "id");
    const frontend = await api().createFrontend(lbId, backendId, {
      inbound_port: 443,
      certificate_ids: [id],
    });
    expect(frontend).toMatchObject({ certificate_ids: [id], certificate: { id, lb: { instances: [{}] } } });
    const refused = await api().del(`certificates/${id}`);
    expect(refused.status).toBe(412);
    await api().put(`frontends/${str(frontend, "id")}`, {
      name: "f",
      inbound_port: 443,
      backend_id: backendId,
      certificate_ids: [],
    });
    expect((await api().del(`certificates/${id}`)).status).toBe(204);
    expect((await api().get(`certificates/${id}`)).body).toEqual({ message: "certificate not Found" });
  });

  it("lists per LB with the name filter", async () => {
    const { lbId, dnsName } = await lbWithName();
    await api().ok(
      api().post(`lbs/${lbId}/certificates`, {
        name: "data-test-lb-cert",
        letsencrypt: { common_name: dnsName },
      }),
    );
    await api().ok(
      api().post(`lbs/${lbId}/certificates`, { name: "zzz", letsencrypt: { common_name: dnsName } }),
    );
    const res = await api().get(`lbs/${lbId}/certificates?name=data-test`);
    expect(res.body.total_count).toBe(1);
    expect(list(res.body, "certificates")[0]).toMatchObject({
      name: "data-test-lb-cert",
      lb: { instances: [] },
    });
  });
});

describe("custom certificates", () => {
  it("are ready at once with names and validity read from the leaf certificate", async () => {
    const { lbId } = await lbWithName();
    const res = await api().post(`lbs/${lbId}/certificates`, {
      name: "custom",
      custom_certificate: { certificate_chain: fixture("chain-with-sans.pem") },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      type: "custom",
      status: "ready",
      fingerprint: "",
      common_name: "app.example.net",
      subject_alternative_name: ["www.example.net"],
    });
    expect(str(res.body, "not_valid_before")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const cnOnly = await api().post(`lbs/${lbId}/certificates`, {
      name: "cn",
      custom_certificate: { certificate_chain: fixture("chain-cn-only.pem") },
    });
    expect(cnOnly.body).toMatchObject({ common_name: "bare.example.net", subject_alternative_name: [] });
  });

  it("answers 400 for a chain without key, a wrong key, or malformed PEM", async () => {
    const { lbId } = await lbWithName();
    for (const chain of [
      fixture("certificate-without-key.pem"),
      fixture("chain-wrong-key.pem"),
      "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\nxx\n-----END PRIVATE KEY-----",
      "hello",
    ]) {
      expectInvalidArgument(
        await api().post(`lbs/${lbId}/certificates`, {
          name: "bad",
          custom_certificate: { certificate_chain: chain },
        }),
        "custom_certificate.certificate_chain",
        "format",
      );
    }
  });

  it("needs exactly one of letsencrypt and custom_certificate", async () => {
    const { lbId, dnsName } = await lbWithName();
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/certificates`, { name: "x" }),
      "letsencrypt",
      "required",
    );
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/certificates`, {
        name: "x",
        letsencrypt: { common_name: dnsName },
        custom_certificate: { certificate_chain: fixture("chain-cn-only.pem") },
      }),
      "custom_certificate",
      "constraint",
    );
  });
});
