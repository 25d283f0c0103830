/**
 * Invalid arguments fail `pulumi preview` with a message naming the resource, the property, the
 * value and what is allowed — and nothing reaches the API. Values past the API's limits (a pool
 * of 10,000 servers, 101 tags, 101 SANs) are refused the same way, before any call.
 */
import { join } from "node:path";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { type EngineStack, engineStack } from "./support/engine";

const MINUTE = 60_000;

describe("bad input through the engine", () => {
  let emulator: EmulatorHarness;
  let engine: EngineStack;

  beforeAll(async () => {
    emulator = await startHarness();
    engine = await engineStack(join(__dirname, "fixtures", "bad-input"), emulator, "bad");
  }, MINUTE);
  afterAll(async () => {
    await engine.stack.workspace.removeStack("bad").catch(() => undefined);
    await emulator.close();
    engine.cleanup();
  });

  it.each([
    [
      "port",
      70000,
      "Backend resource 'web'",
      "forwardPort",
      "70000 is not valid: expected a whole number from 1 to 65535",
    ],
    [
      "algorithm",
      "random",
      "Backend resource 'web'",
      "forwardPortAlgorithm",
      'expected one of "roundrobin", "leastconn", "first"',
    ],
    [
      "two-health-checks",
      { tcpConfig: {}, httpConfig: { uri: "/" } },
      "Backend resource 'web'",
      "healthCheck",
      "accepts at most one of tcpConfig, httpConfig",
    ],
    [
      "cidr",
      ["10.0.0.0/33"],
      "Acl resource 'office'",
      "match.ipSubnet[0]",
      '"10.0.0.0/33" is not valid: expected an IPv4/IPv6 address or CIDR subnet',
    ],
    [
      "nested",
      "10.0.0.300",
      "Backend resource 'web'",
      "serverIps[1]",
      '"10.0.0.300" is not valid: expected an IPv4 or IPv6 address',
    ],
    [
      "redirect-code",
      999,
      "Acl resource 'office'",
      "action.redirect.code",
      "999 is not valid: expected one of 301, 302, 303, 307, 308",
    ],
    [
      "pool",
      10_000,
      "Backend resource 'web'",
      "serverIps",
      "(10000 items) is not valid: expected a list (at most 1000) of an IPv4 or IPv6 address",
    ],
    [
      "tags",
      Array.from({ length: 101 }, (_, i) => `tag-${i}`),
      "LoadBalancer resource 'edge'",
      "tags",
      "(101 items) is not valid: expected a list (at most 100)",
    ],
    [
      "sans",
      Array.from({ length: 101 }, (_, i) => `www${i}.acme-corp.fr`),
      "Certificate resource 'site'",
      "letsencrypt.subjectAlternativeNames",
      "(101 items) is not valid: expected a list (at most 100)",
    ],
    [
      "pem",
      "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----",
      "Certificate resource 'site'",
      "customCertificate.certificateChain",
      "PEM text holding the certificate (then any intermediates) and its private key",
    ],
  ])(
    "%s: preview fails naming the resource and the property, with no API call",
    async (which, value, resource, property, reason) => {
      await engine.stack.setConfig("case", { value: which });
      await engine.stack.setConfig("value", { value: JSON.stringify(value) });
      const failure = await engine.calls(() =>
        engine.stack.preview().then(
          () => undefined,
          (error: Error) => error,
        ),
      );
      expect(failure.result).toBeInstanceOf(Error);
      const message = String(failure.result?.message);
      expect(message).toContain(resource);
      expect(message).toContain(`has a problem: property ${property}`);
      expect(message).toContain(reason);
      expect(message).not.toContain("not a certificate");
      // The value as the user wrote it, never the engine's Go rendering of it.
      expect(message).not.toMatch(/\{<nil>\}|\{&\{|value \{(?!")/);
      if (which === "nested")
        expect(message).toContain('property healthCheck.checkDelay: "soon" is not valid');
      expect(failure.calls).toEqual([]);
    },
    2 * MINUTE,
  );
});
