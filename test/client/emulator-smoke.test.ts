/** Every family of the client against the real emulator, without faults. */
import { isScalewayError, type LbClient, type ScalewayError } from "../../provider/client";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { testClient } from "./support/test-client";

let emulator: EmulatorHarness;
let client: LbClient;

beforeAll(async () => {
  emulator = await startHarness();
});
afterAll(async () => {
  await client?.close();
  await emulator.close();
});
beforeEach(async () => {
  await emulator.reset();
  await client?.close();
  // Transitions here last a number of reads, not seconds: waiting for typical settling times
  // (seconds) would only slow the test down, so the waiters poll by back-off alone.
  ({ client } = testClient(emulator.url, { clock: undefined, wait: { expectedMs: 0 } }));
});

async function failure(promise: Promise<unknown>): Promise<ScalewayError> {
  try {
    await promise;
  } catch (error) {
    if (isScalewayError(error)) return error;
    throw error;
  }
  throw new Error("expected a ScalewayError");
}

const http = {
  forwardProtocol: "http" as const,
  forwardPort: 80,
  forwardPortAlgorithm: "roundrobin" as const,
  stickySessions: "none" as const,
};

describe("against the emulator", () => {
  it("LB lifecycle: create, wait, update, migrate, list, delete", async () => {
    await emulator.configure({ timings: { lbCreate: { mode: "reads", reads: 2 } } });
    const created = await client.createLb({ name: "smoke-lb", description: "d", tags: ["a"], type: "LB-S" });
    expect(created.status).toMatch(/to_create|creating/);
    const ready = await client.waitForLb({ lbId: created.id });
    expect(ready.status).toBe("ready");
    await client.waitForLbInstances({ lbId: created.id });
    const updated = await client.updateLb({
      lbId: created.id,
      name: "smoke-lb-2",
      description: "d2",
      tags: ["b"],
    });
    expect(updated).toMatchObject({ name: "smoke-lb-2", description: "d2", tags: ["b"] });
    const all = await client.listAllLbs({ name: "smoke", pageSize: 1 });
    expect(all.map((lb) => lb.id)).toEqual([created.id]);
    await client.migrateLb({ lbId: created.id, type: "LB-GP-M" });
    expect((await client.waitForLb({ lbId: created.id })).type).toBe("lb-gp-m");
    await client.deleteLb({ lbId: created.id, releaseIp: true });
    const gone = await failure(client.waitForLb({ lbId: created.id }));
    expect(gone.kind).toBe("not_found");
  });

  it("backends, health checks, pools, frontends, routes, ACLs; durations round-trip in ms", async () => {
    const lb = await client.createLb({ name: "tree" });
    await client.waitForLb({ lbId: lb.id });
    const backend = await client.createBackend({
      lbId: lb.id,
      name: "app",
      ...http,
      healthCheck: {
        port: 80,
        checkMaxRetries: 3,
        checkDelay: 2000,
        checkTimeout: 1500,
        transientCheckDelay: 500,
        httpConfig: { uri: "/health", method: "GET", code: 200, hostHeader: "a.example" },
      },
      serverIp: ["10.0.0.1"],
      timeoutServer: 300000,
      timeoutConnect: 5000,
      timeoutTunnel: 900000,
      timeoutQueue: 4000,
    });
    expect(backend).toMatchObject({
      timeoutServer: 300000,
      timeoutConnect: 5000,
      timeoutTunnel: 900000,
      timeoutQueue: 4000,
      pool: ["10.0.0.1"],
    });
    expect(backend.healthCheck).toMatchObject({
      checkDelay: 2000,
      checkTimeout: 1500,
      transientCheckDelay: 500,
      httpConfig: { uri: "/health", code: 200 },
    });

    const updated = await client.updateBackend({
      backendId: backend.id,
      name: "app2",
      ...http,
      timeoutServer: null,
      timeoutQueue: 250,
    });
    expect(updated).toMatchObject({
      name: "app2",
      timeoutServer: null,
      timeoutQueue: 250,
      pool: ["10.0.0.1"],
    });
    const health = await client.updateHealthCheck({
      backendId: backend.id,
      port: 81,
      checkMaxRetries: 2,
      tcpConfig: {},
      transientCheckDelay: 200,
    });
    expect(health).toMatchObject({ port: 81, transientCheckDelay: 200, tcpConfig: {} });
    expect((await client.addBackendServers({ backendId: backend.id, serverIp: ["10.0.0.2"] })).pool).toEqual([
      "10.0.0.1",
      "10.0.0.2",
    ]);
    expect(
      (await client.removeBackendServers({ backendId: backend.id, serverIp: ["10.0.0.1"] })).pool,
    ).toEqual(["10.0.0.2"]);
    expect(
      (await client.setBackendServers({ backendId: backend.id, serverIp: ["10.0.0.3", "10.0.0.4"] })).pool,
    ).toEqual(["10.0.0.3", "10.0.0.4"]);

    const frontend = await client.createFrontend({
      lbId: lb.id,
      name: "web",
      inboundPort: 80,
      backendId: backend.id,
      timeoutClient: 30000,
      connectionRateLimit: 0,
    });
    expect(frontend).toMatchObject({ timeoutClient: 30000, connectionRateLimit: null, certificateIds: [] });
    expect(
      (
        await client.updateFrontend({
          frontendId: frontend.id,
          name: "web",
          inboundPort: 8080,
          backendId: backend.id,
        })
      ).inboundPort,
    ).toBe(8080);

    const route = await client.createRoute({
      frontendId: frontend.id,
      backendId: backend.id,
      match: { hostHeader: "a.example" },
    });
    expect(route.match).toEqual({ hostHeader: "a.example", matchSubdomains: false });
    expect(
      (await client.updateRoute({ routeId: route.id, backendId: backend.id, match: { pathBegin: "/api" } }))
        .match,
    ).toEqual({ pathBegin: "/api", matchSubdomains: false });
    expect((await client.listAllRoutes({ frontendId: frontend.id })).map((r) => r.id)).toEqual([route.id]);

    const acl = await client.createAcl({
      frontendId: frontend.id,
      name: "deny-all",
      index: 0,
      action: { type: "deny" },
      match: { ipSubnet: ["0.0.0.0/0"] },
    });
    expect(acl.match?.ipSubnet).toEqual(["0.0.0.0/0"]);
    const redirect = await client.updateAcl({
      aclId: acl.id,
      name: "redir",
      index: 1,
      action: { type: "redirect", redirect: { type: "location", target: "https://a.example", code: 307 } },
      match: { httpFilter: "http_header_match", httpFilterValue: ["x"], httpFilterOption: "Host" },
    });
    expect(redirect.action.redirect).toEqual({ type: "location", target: "https://a.example", code: 307 });
    expect(redirect.match?.httpFilterOption).toBe("host");
    const set = await client.setAcls({
      frontendId: frontend.id,
      acls: [
        { name: "a", index: 0, action: { type: "allow" }, match: { ipSubnet: ["10.0.0.0/8"] } },
        { name: "b", index: 1, action: { type: "deny" }, match: { ipSubnet: ["0.0.0.0/0"] } },
      ],
    });
    expect(set.acls).toHaveLength(2);
    expect(await client.listAllAcls({ frontendId: frontend.id })).toHaveLength(2);
    await client.deleteAcl({ aclId: set.acls[0]?.id ?? "" });

    const stats = await client.listAllBackendStats({ lbId: lb.id });
    expect(Array.isArray(stats)).toBe(true);
    await client.waitForLbInstances({ lbId: lb.id });

    await client.deleteRoute({ routeId: route.id });
    await client.deleteFrontend({ frontendId: frontend.id });
    await client.deleteBackend({ backendId: backend.id });
    expect((await failure(client.getBackend({ backendId: backend.id }))).kind).toBe("not_found");
  });

  it("IPs, certificates, subscribers, private networks, LB types", async () => {
    const ip = await client.createIp({ tags: ["x"] });
    expect(ip.lbId).toBeNull();
    expect((await client.updateIp({ ipId: ip.id, reverse: "my.example.org" })).reverse).toBe(
      "my.example.org",
    );
    const lb = await client.createLb({ name: "with-ip", ipIds: [ip.id] });
    await client.waitForLb({ lbId: lb.id });
    expect((await client.getIp({ ipId: ip.id })).lbId).toBe(lb.id);

    const address = lb.ip[0]?.ipAddress ?? "";
    const commonName = `${address.replaceAll(".", "-")}.lb.fr-par.scw.cloud`;
    const cert = await client.createCertificate({ lbId: lb.id, name: "le", letsencrypt: { commonName } });
    const ready = await client.waitForCertificate({ certificateId: cert.id });
    expect(ready.status).toBe("ready");
    expect((await client.updateCertificate({ certificateId: cert.id, name: "le2" })).name).toBe("le2");
    expect((await client.listAllCertificates({ lbId: lb.id })).map((c) => c.name)).toEqual(["le2"]);
    const refused = await failure(
      client.createCertificate({ lbId: lb.id, name: "bad", letsencrypt: { commonName: "nope.example.com" } }),
    );
    expect(refused.kind).toBe("invalid_arguments");
    await client.deleteCertificate({ certificateId: cert.id });

    const subscriber = await client.createSubscriber({
      name: "ops",
      emailConfig: { email: "ops@a.example" },
    });
    expect((await client.subscribeToLb({ lbId: lb.id, subscriberId: subscriber.id })).subscriber?.id).toBe(
      subscriber.id,
    );
    expect((await client.unsubscribeFromLb({ lbId: lb.id })).subscriber).toBeNull();
    expect(
      (
        await client.updateSubscriber({
          subscriberId: subscriber.id,
          name: "ops2",
          webhookConfig: { uri: "https://hook.a.example" },
        })
      ).webhookConfig?.uri,
    ).toBe("https://hook.a.example");
    expect(await client.listAllSubscribers({ name: "ops" })).toHaveLength(1);
    await client.deleteSubscriber({ subscriberId: subscriber.id });

    const pnId = await emulator.createPrivateNetwork();
    const attached = await client.attachPrivateNetwork({ lbId: lb.id, privateNetworkId: pnId });
    expect(attached.privateNetworkId).toBe(pnId);
    expect((await client.waitForPrivateNetwork({ lbId: lb.id, privateNetworkId: pnId })).status).toBe(
      "ready",
    );
    const [booked] = await client.listAllIpamIps({ resourceId: lb.id, resourceType: "lb_server" });
    expect(booked?.address).toMatch(/^172\.\d+\.\d+\.2\/22$/);
    expect(booked?.resource).toMatchObject({ id: lb.id, type: "lb_server", name: "with-ip" });
    await client.detachPrivateNetwork({ lbId: lb.id, privateNetworkId: pnId });

    expect((await client.listAllLbTypes()).length).toBeGreaterThan(0);
    await client.deleteLb({ lbId: lb.id, releaseIp: false });
    await client.waitForLb({ lbId: lb.id }).catch(() => undefined);
    await client.releaseIp({ ipId: ip.id });
  });

  it("maps the emulator's errors: 404, 400 with arguments, 401", async () => {
    const missing = await failure(client.getLb({ lbId: "00000000-0000-4000-8000-000000000000" }));
    expect(missing).toMatchObject({ kind: "not_found", status: 404 });
    const invalid = await failure(client.getLb({ lbId: "not-a-uuid" }));
    expect(invalid.kind).toBe("invalid_arguments");
    expect(invalid.details.length).toBeGreaterThan(0);
    await emulator.configure({ acceptedSecretKeys: ["some-other-key"] });
    const denied = await failure(client.listLbs());
    expect(denied.kind).toBe("authentication");
  });

  it("waitForLb fails fast when the LB ends in error", async () => {
    await emulator.configure({
      lbErrorPattern: "^broken",
      timings: { lbCreate: { mode: "reads", reads: 1 } },
    });
    const lb = await client.createLb({ name: "broken-lb" });
    const error = await failure(client.waitForLb({ lbId: lb.id }, { timeoutMs: 20_000 }));
    expect(error.kind).toBe("resource_error");
    expect(error.currentState).toBe("error");
  });
});
