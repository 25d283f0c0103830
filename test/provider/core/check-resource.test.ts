import { checkResource } from "../../../provider/core/check-resource";
import { UNKNOWN } from "../../../provider/core/unknown";
import { aclDefinition } from "../../../provider/resources/acl/definition";
import { backendDefinition } from "../../../provider/resources/backend/definition";
import { certificateDefinition } from "../../../provider/resources/certificate/definition";
import { frontendDefinition } from "../../../provider/resources/frontend/definition";
import { loadBalancerDefinition } from "../../../provider/resources/load-balancer/definition";
import { checked, env, PROJECT, zoned } from "../resources/support/diff-table";

const backendArgs = { __resourceName: "web", lbId: zoned(1), forwardPort: 80 };

describe("check failures name the property, the value and what is allowed", () => {
  it.each([
    [
      "a port out of range",
      { ...backendArgs, forwardPort: 70000 },
      "forwardPort",
      "70000 is not valid: expected a whole number from 1 to 65535",
    ],
    [
      "an unknown algorithm",
      { ...backendArgs, forwardPortAlgorithm: "random" },
      "forwardPortAlgorithm",
      '"random" is not valid: expected one of "roundrobin", "leastconn", "first"',
    ],
    [
      "two health-check types",
      { ...backendArgs, healthCheck: { tcpConfig: {}, httpConfig: { uri: "/" } } },
      "healthCheck",
      "accepts at most one of tcpConfig, httpConfig, httpsConfig, mysqlConfig, pgsqlConfig, ldapConfig, redisConfig; tcpConfig and httpConfig are set",
    ],
    [
      "a malformed server address",
      { ...backendArgs, serverIps: ["10.0.0.1", "10.0.0.300"] },
      "serverIps[1]",
      '"10.0.0.300" is not valid: expected an IPv4 or IPv6 address',
    ],
    [
      "a duration that is not one",
      { ...backendArgs, healthCheck: { checkDelay: "5 seconds" } },
      "healthCheck.checkDelay",
      '"5 seconds" is not valid: expected a duration from 1ms to 1h',
    ],
    [
      "a mistyped property",
      { ...backendArgs, healthCheck: { checkDelays: 5 } },
      "healthCheck",
      "has unknown property checkDelays: allowed are port, checkDelay",
    ],
    [
      "an unknown top-level property",
      { ...backendArgs, forwardPorts: 80 },
      "forwardPorts",
      "is not a property of Backend: allowed are lbId, zone, name",
    ],
    [
      "a missing required property",
      { __resourceName: "web", lbId: zoned(1) },
      "forwardPort",
      "is required: give a whole number from 1 to 65535",
    ],
    [
      "a parent id that is not one",
      { ...backendArgs, lbId: "lb-123" },
      "lbId",
      '"lb-123" is not valid: expected an id "<zone>/<uuid>" or a bare UUID',
    ],
    [
      "a zone other than the parent's",
      { ...backendArgs, zone: "nl-ams-1" },
      "zone",
      '"nl-ams-1" differs from the zone of lbId ("fr-par-1")',
    ],
    [
      "cookie stickiness without a cookie name",
      { ...backendArgs, forwardProtocol: "http", stickySessions: "cookie" },
      "stickySessionsCookieName",
      'is required when stickySessions is "cookie"',
    ],
  ])("Backend: %s", (_what, args, property, reason) => {
    const { failures } = checkResource(backendDefinition, {}, args, env);
    expect(failures).toEqual(expect.arrayContaining([{ property, reason: expect.stringContaining(reason) }]));
  });

  it("Acl: a malformed CIDR", () => {
    const { failures } = checkResource(
      aclDefinition,
      {},
      { frontendId: zoned(1), index: 0, action: { type: "deny" }, match: { ipSubnet: ["10.0.0.0/33"] } },
      env,
    );
    expect(failures).toEqual([
      {
        property: "match.ipSubnet[0]",
        reason: expect.stringContaining(
          '"10.0.0.0/33" is not valid: expected an IPv4/IPv6 address or CIDR subnet',
        ),
      },
    ]);
  });

  it("Certificate: a malformed PEM, without its secret in the message", () => {
    const chain = "-----BEGIN CERTIFICATE-----\nnot really\n-----END CERTIFICATE-----\n";
    const { failures } = checkResource(
      certificateDefinition,
      {},
      { lbId: zoned(1), customCertificate: { certificateChain: chain } },
      env,
    );
    expect(failures).toEqual([
      {
        property: "customCertificate.certificateChain",
        reason: expect.stringContaining(
          "PEM text holding the certificate (then any intermediates) and its private key",
        ),
      },
    ]);
    expect(JSON.stringify(failures)).not.toContain("not really");
  });

  it("Frontend: a backend of another zone", () => {
    const { failures } = checkResource(
      frontendDefinition,
      {},
      { lbId: zoned(1), backendId: zoned(2, "nl-ams-1"), inboundPort: 80 },
      env,
    );
    expect(failures).toEqual([
      {
        property: "backendId",
        reason: expect.stringContaining("is in zone nl-ams-1, but this Frontend is in zone fr-par-1"),
      },
    ]);
  });

  it("LoadBalancer: no project anywhere", () => {
    const { failures } = checkResource(
      loadBalancerDefinition,
      {},
      { __resourceName: "edge" },
      { ...env, defaultProjectId: undefined },
    );
    expect(failures).toEqual([
      {
        property: "projectId",
        reason: "is required: set it, or configure scaleway:projectId or SCW_DEFAULT_PROJECT_ID",
      },
    ]);
  });
});

describe("check fills explicit defaults", () => {
  it("gives a backend every effective value, the health check following the forward port", () => {
    const { inputs, failures } = checkResource(backendDefinition, {}, backendArgs, env);
    expect(failures).toEqual([]);
    expect(inputs).toEqual({
      __resourceName: "web",
      __autoNamed: true,
      __creationKey: expect.stringMatching(/^[0-9a-f]{7}$/),
      lbId: zoned(1),
      zone: "fr-par-1",
      name: expect.stringMatching(/^web-[0-9a-f]{7}$/),
      forwardProtocol: "tcp",
      forwardPort: 80,
      forwardPortAlgorithm: "roundrobin",
      stickySessions: "none",
      stickySessionsCookieName: "",
      serverIps: [],
      healthCheck: {
        port: 80,
        checkDelay: 3000,
        checkTimeout: 1000,
        checkMaxRetries: 2,
        checkSendProxy: false,
        transientCheckDelay: 500,
        tcpConfig: {},
      },
      timeoutServer: 300_000,
      timeoutConnect: 5000,
      timeoutTunnel: 900_000,
      onMarkedDownAction: "on_marked_down_action_none",
      proxyProtocol: "proxy_protocol_none",
      sslBridging: false,
      ignoreSslServerVerify: false,
      maxRetries: 3,
      host: "",
    });
  });

  it("gives a load balancer the configured zone and project, and an IPv4 of its own", () => {
    const { inputs } = checkResource(
      loadBalancerDefinition,
      {},
      { __resourceName: "edge", type: "LB-GP-M" },
      env,
    );
    expect(inputs).toMatchObject({
      zone: "fr-par-1",
      projectId: PROJECT,
      type: "lb-gp-m",
      assignFlexibleIp: true,
      assignFlexibleIpv6: false,
      releaseIp: false,
    });
  });
});

describe("generated names", () => {
  const identity = { __project: "shop", __stack: "prod" };

  it("are generated once and kept across updates", () => {
    const first = checkResource(backendDefinition, {}, { ...backendArgs, ...identity }, env).inputs;
    const again = checkResource(backendDefinition, first, { ...backendArgs, forwardPort: 81 }, env);
    expect(again.inputs.name).toBe(first.name);
    // Only a create carries the creation key: an update has nothing to look for.
    expect(first.__creationKey).toMatch(/^[0-9a-f]{7}$/);
    expect(again.inputs.__creationKey).toBeUndefined();
  });

  it("are the same on every attempt of one create (the name ends with the creation key)", () => {
    const first = checkResource(backendDefinition, {}, { ...backendArgs, ...identity }, env).inputs;
    const retry = checkResource(backendDefinition, {}, { ...backendArgs, ...identity }, env).inputs;
    expect(retry.name).toBe(first.name);
    expect(first.name).toBe(`web-${first.__creationKey}`);
  });

  it("differ for a replacement, another stack, project or resource name, but not for an updatable input", () => {
    const name = (args: Record<string, unknown>) =>
      checkResource(backendDefinition, {}, { ...backendArgs, ...identity, ...args }, env).inputs.name;
    const base = name({});
    expect(name({ lbId: zoned(2) })).not.toBe(base);
    expect(name({ __stack: "dev" })).not.toBe(base);
    expect(name({ __project: "blog" })).not.toBe(base);
    expect(name({ __resourceName: "api" })).toMatch(/^api-/);
    expect(name({ __resourceName: "api" })?.toString().slice(-7)).not.toBe(base?.toString().slice(-7));
    expect(name({ forwardPort: 8080 })).toBe(base);
  });

  it("give way to a name the user sets, and come back when it is removed", () => {
    const first = checkResource(backendDefinition, {}, { ...backendArgs, name: "mine" }, env).inputs;
    expect(first.name).toBe("mine");
    expect(first.__autoNamed).toBeUndefined();
    const later = checkResource(backendDefinition, first, backendArgs, env).inputs;
    expect(later.name).toMatch(/^web-[0-9a-f]{7}$/);
    expect(later.__autoNamed).toBe(true);
  });

  it("keep the name of existing state that had a random suffix", () => {
    const olds = { ...checked(backendDefinition, backendArgs), name: "web-zzz9999" };
    expect(checkResource(backendDefinition, olds, { ...backendArgs, ...identity }, env).inputs.name).toBe(
      "web-zzz9999",
    );
  });

  it("are unknown during a preview whose replace-policy input is unknown", () => {
    const { inputs } = checkResource(backendDefinition, {}, { ...backendArgs, lbId: UNKNOWN }, env);
    expect(inputs.name).toBe(UNKNOWN);
    expect(inputs.__creationKey).toBeUndefined();
  });
});

describe("unknown preview values", () => {
  it("pass check anywhere, even where a value is required", () => {
    const { failures, inputs } = checkResource(
      backendDefinition,
      {},
      {
        __resourceName: "web",
        lbId: UNKNOWN,
        forwardPort: UNKNOWN,
        serverIps: [UNKNOWN],
        healthCheck: UNKNOWN,
      },
      env,
    );
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({
      lbId: UNKNOWN,
      zone: UNKNOWN,
      forwardPort: UNKNOWN,
      serverIps: [UNKNOWN],
      healthCheck: UNKNOWN,
    });
  });
});
