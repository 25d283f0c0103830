/** The dynamic-provider process leaves when the engine is gone (issue 11: no orphan processes). */
import { createServer, type Server } from "node:net";
import { engineAddress, watchEngine } from "../../provider/engine-watchdog";

const PLUGIN = "/repo/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js";

describe("the engine's address", () => {
  it.each([
    [["node", PLUGIN, "127.0.0.1:40123"], { host: "127.0.0.1", port: 40123 }],
    [["node", PLUGIN, "localhost:5"], { host: "localhost", port: 5 }],
    [["node", PLUGIN, "[::1]:40123"], { host: "::1", port: 40123 }],
    // Not the plugin (a test, a program): no watchdog.
    [["node", "/repo/node_modules/.bin/jest", "127.0.0.1:40123"], null],
    [["node", PLUGIN], null],
  ])("%j -> %j", (argv, expected) => {
    expect(engineAddress(argv)).toEqual(expected);
  });
});

describe("the watchdog", () => {
  it("stops the process once the engine no longer answers", async () => {
    const server: Server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    let engineUp = true;
    const gone = new Promise<boolean>((resolve) => {
      watchEngine(["node", PLUGIN, `127.0.0.1:${address.port}`], () => resolve(engineUp));
    });
    // Alive for a few checks: the watchdog must not fire.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    engineUp = false;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Fired, and only after the engine went away.
    expect(await gone).toBe(false);
  }, 20_000);
});
