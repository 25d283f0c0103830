/**
 * Loading the runtime loads no HTTP client: check, diff and previews never call the API, so the
 * client (and undici under it) is required on the first API call only (runtime.ts). A resource
 * module importing a value through the client's index would load it all eagerly.
 */
it("requiring the runtime and getting a provider does not load undici", () => {
  const loaded: string[] = [];
  jest.isolateModules(() => {
    jest.doMock("undici", () => {
      loaded.push("undici");
      return jest.requireActual("undici");
    });
    const runtime = require("../../provider/runtime") as typeof import("../../provider/runtime");
    expect(typeof runtime.provider("Backend").check).toBe("function");
  });
  expect(loaded).toEqual([]);
});
