/** Nothing the client writes or throws ever contains the secret key. */
import { createLbClient, isScalewayError, resolveConfig, unlimited } from "../../provider/client";
import { resolveLogSink, stderrSink } from "../../provider/client/logging";
import { createRedactor } from "../../provider/client/redaction";
import { fakeClock } from "./support/fake-clock";
import { type FakeServer, startFakeServer } from "./support/fake-server";
import { recorded } from "./support/fixtures";

const SECRET = "7c0ffee0-d15c-4b1e-9ead-5ec12e7c0de5";

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(async () => {
  await server.close();
});

describe("redaction", () => {
  it("a whole run leaks the secret into no log line and no error message", async () => {
    const echo = (r: { headers: Record<string, string | string[] | undefined> }) =>
      String(r.headers["x-auth-token"]);
    server.setHandler((r) => {
      if (r.path.endsWith("/lbs/ok")) return { json: recorded("lb-ready") };
      if (r.path.endsWith("/lbs/denied")) {
        return {
          status: 401,
          json: {
            type: "denied_authentication",
            message: `token ${echo(r)} is not valid`,
            method: "api_key",
            reason: "not_found",
          },
        };
      }
      if (r.path.endsWith("/lbs/bad")) {
        return {
          status: 400,
          json: {
            type: "invalid_arguments",
            message: "invalid",
            details: [{ argument_name: "x", reason: "format", help_message: `X-Auth-Token: ${echo(r)}` }],
          },
        };
      }
      if (r.path.endsWith("/lbs/garbled")) return { status: 200, text: `not json ${echo(r)}` };
      if (r.path.endsWith("/lbs/reset")) return { reset: true };
      return { status: 503, text: `upstream said ${echo(r)}` };
    });

    const lines: string[] = [];
    const config = resolveConfig({
      env: { SCW_SECRET_KEY: SECRET, SCW_API_URL: server.url },
      homeDir: "/nowhere",
      readFile: () => undefined,
    });
    const client = createLbClient({
      config,
      logger: (line) => lines.push(line),
      clock: fakeClock(),
      rateLimiter: unlimited,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const messages: string[] = [];
    const attempt = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        expect(isScalewayError(error)).toBe(true);
        messages.push(
          String(error),
          JSON.stringify(error),
          isScalewayError(error) ? `${error.apiMessage} ${JSON.stringify(error.details)}` : "",
        );
      }
    };
    await attempt(() => client.getLb({ lbId: "ok" }));
    for (const id of ["denied", "bad", "garbled", "reset", "down"])
      await attempt(() => client.getLb({ lbId: id }));
    await attempt(() => client.createLb({ name: `n-${SECRET}` }));
    await client.close();

    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(messages.length).toBeGreaterThanOrEqual(15);
    const everything = [...lines, ...messages, JSON.stringify(config), JSON.stringify(client)].join("\n");
    expect(everything).not.toContain(SECRET);
    expect(everything).toContain("[REDACTED]");
    for (const line of lines)
      expect(line).toMatch(
        /^scaleway-lb: \w+ (GET|POST) \/lb\/v1\/zones\/fr-par-1\/\S+ -> \S+ \(\d+ ms, attempt \d+\)$/,
      );
  });

  it("masks header-shaped leaks whatever the value", () => {
    const redact = createRedactor([]);
    expect(redact('{"x-auth-token":"abc"}')).toBe('{"x-auth-token":"[REDACTED]"}');
    expect(redact("X-Auth-Token: abc def")).toBe("X-Auth-Token: [REDACTED] def");
  });

  it("ignores empty or tiny secrets instead of mangling text", () => {
    expect(createRedactor(["", null, undefined, "ab"])("abc")).toBe("abc");
  });
});

describe("debug logging switch", () => {
  it("SCW_LB_DEBUG=1 logs to stderr; unset logs nowhere; an injected logger wins", () => {
    expect(resolveLogSink(undefined, { SCW_LB_DEBUG: "1" })).toBe(stderrSink);
    expect(resolveLogSink(undefined, { SCW_LB_DEBUG: "true" })).toBe(stderrSink);
    expect(resolveLogSink(undefined, {})).toBeNull();
    expect(resolveLogSink(undefined, { SCW_LB_DEBUG: "0" })).toBeNull();
    const mine = (_: string) => {};
    expect(resolveLogSink(mine, { SCW_LB_DEBUG: "1" })).toBe(mine);
    expect(resolveLogSink(null, { SCW_LB_DEBUG: "1" })).toBeNull();
  });

  it("writes redacted lines to stderr when enabled by the environment", async () => {
    server.setHandler(() => ({ json: recorded("lb-ready") }));
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const client = createLbClient({
        config: { secretKey: SECRET, apiUrl: server.url },
        env: { SCW_LB_DEBUG: "1" },
        rateLimiter: unlimited,
      });
      await client.getLb({ lbId: SECRET });
      await client.close();
    } finally {
      spy.mockRestore();
    }
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^scaleway-lb: getLb GET \/lb\/v1\/zones\/fr-par-1\/lbs\/\[REDACTED\] -> 200/);
  });
});
