/** Failure classification: may the request have reached the server? */
import { classifyNetworkError, createUndiciTransport, errorCode } from "../../provider/client/transport";
import { startFakeServer } from "./support/fake-server";

describe("classifyNetworkError", () => {
  it.each([
    ["ECONNREFUSED", "no"],
    ["ENOTFOUND", "no"],
    ["EAI_AGAIN", "no"],
    ["UND_ERR_CONNECT_TIMEOUT", "no"],
    ["ECONNRESET", "maybe"],
    ["EPIPE", "maybe"],
    ["UND_ERR_SOCKET", "maybe"],
    ["UND_ERR_HEADERS_TIMEOUT", "maybe"],
    ["UND_ERR_BODY_TIMEOUT", "maybe"],
  ])("%s -> sent %s", (code, sent) => {
    expect(classifyNetworkError(Object.assign(new Error("x"), { code }))).toEqual({ code, sent });
  });

  it("finds the code in the cause chain, and treats a code-less error as maybe sent", () => {
    const wrapped = new Error("fetch failed", {
      cause: Object.assign(new Error("inner"), { code: "ECONNREFUSED" }),
    });
    expect(errorCode(wrapped)).toBe("ECONNREFUSED");
    expect(classifyNetworkError(new Error("?"))).toEqual({ code: "ENETWORK", sent: "maybe" });
    expect(classifyNetworkError("weird")).toEqual({ code: "ENETWORK", sent: "maybe" });
  });
});

describe("undici transport", () => {
  it("returns answers as values, lower-cases headers, reuses connections", async () => {
    const server = await startFakeServer(() => ({ json: { ok: true }, headers: { "X-Request-Id": "r1" } }));
    const transport = createUndiciTransport();
    try {
      const first = await transport.send({
        method: "GET",
        url: `${server.url}/a`,
        headers: {},
        timeoutMs: 1000,
      });
      const second = await transport.send({
        method: "PUT",
        url: `${server.url}/b`,
        headers: { "content-type": "application/json" },
        body: "{}",
        timeoutMs: 1000,
      });
      expect(first).toMatchObject({ type: "response", status: 200, bodyText: '{"ok":true}' });
      expect(first.type === "response" && first.headers["x-request-id"]).toBe("r1");
      expect(second.type).toBe("response");
      expect(server.requests[1]?.body).toEqual({});
    } finally {
      await transport.close();
      await server.close();
    }
  });

  it("reports a refused connection as not sent", async () => {
    const server = await startFakeServer();
    const url = server.url;
    await server.close();
    const transport = createUndiciTransport();
    const result = await transport.send({
      method: "POST",
      url: `${url}/x`,
      headers: {},
      body: "{}",
      timeoutMs: 1000,
    });
    await transport.close();
    expect(result).toMatchObject({ type: "failure", sent: "no", code: "ECONNREFUSED", timedOut: false });
  });

  it("reports a per-request timeout as maybe sent", async () => {
    const server = await startFakeServer(() => ({ delayMs: 300, json: {} }));
    const transport = createUndiciTransport();
    const result = await transport.send({
      method: "POST",
      url: `${server.url}/x`,
      headers: {},
      body: "{}",
      timeoutMs: 50.5,
    });
    await transport.close();
    await server.close();
    expect(result).toMatchObject({ type: "failure", sent: "maybe", code: "TIMEOUT", timedOut: true });
  });

  it("reports an abort by the caller", async () => {
    const server = await startFakeServer(() => ({ delayMs: 300, json: {} }));
    const transport = createUndiciTransport();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const result = await transport.send({
      method: "GET",
      url: `${server.url}/x`,
      headers: {},
      timeoutMs: 5000,
      signal: controller.signal,
    });
    await transport.close();
    await server.close();
    expect(result).toMatchObject({ type: "failure", aborted: true, code: "ABORTED" });
  });
});
