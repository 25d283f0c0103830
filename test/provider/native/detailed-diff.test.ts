import { UNKNOWN } from "../../../provider/core/unknown";
import { detailedDiff } from "../../../provider/native/detailed-diff";
import { backendDefinition } from "../../../provider/resources/backend/definition";
import { routeDefinition } from "../../../provider/resources/route/definition";

const SIX = ["10.0.9.1", "10.0.9.2", "10.0.9.3", "10.0.9.4", "10.0.9.5", "10.0.9.6"];

describe("the native door's detailed diff", () => {
  it.each([
    [
      "one of six servers removed",
      SIX,
      SIX.filter((ip) => ip !== "10.0.9.3"),
      [{ path: "serverIps[2]", kind: "delete" }],
    ],
    ["one server added", SIX, [...SIX, "10.0.9.7"], [{ path: "serverIps[6]", kind: "add" }]],
    ["the same set reordered", SIX, [...SIX].reverse(), []],
    ["the same addresses written differently", ["2001:db8::1"], ["2001:DB8:0:0::1"], []],
    [
      "one server swapped for another",
      SIX,
      [...SIX.slice(0, 5), "10.0.9.9"],
      [
        { path: "serverIps[5]", kind: "delete" },
        { path: "serverIps[5]", kind: "add" },
      ],
    ],
  ])("compares server pools as sets: %s", (_case, before, after, expected) => {
    const changes = detailedDiff(backendDefinition, { serverIps: before }, { serverIps: after }, []);
    expect(changes.map(({ path, kind }) => ({ path, kind }))).toEqual(expected);
  });

  it("names the nested property that changed", () => {
    const olds = { healthCheck: { checkDelay: 10_000, checkTimeout: 2_000 } };
    const news = { healthCheck: { checkDelay: 20_000, checkTimeout: 2_000 } };
    expect(detailedDiff(backendDefinition, olds, news, [])).toEqual([
      { path: "healthCheck.checkDelay", kind: "update", replace: false },
    ]);
  });

  it("marks the changes of a replacing property", () => {
    const olds = { frontendId: "fr-par-1/11111111-1111-4111-8111-111111111111" };
    const news = { frontendId: "fr-par-1/22222222-2222-4222-8222-222222222222" };
    expect(detailedDiff(routeDefinition, olds, news, ["frontendId"])).toEqual([
      { path: "frontendId", kind: "update", replace: true },
    ]);
  });

  it("shows a value unknown during preview as a change, and a new one as an addition", () => {
    expect(detailedDiff(routeDefinition, { backendId: "fr-par-1/x" }, { backendId: UNKNOWN }, [])).toEqual([
      { path: "backendId", kind: "update", replace: false },
    ]);
    expect(detailedDiff(backendDefinition, {}, { serverIps: ["10.0.0.1"] }, [])).toEqual([
      { path: "serverIps", kind: "add", replace: false },
    ]);
  });
});
