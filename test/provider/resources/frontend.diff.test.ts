import { diffResource } from "../../../provider/core/diff";
import { UNKNOWN } from "../../../provider/core/unknown";
import { frontendDefinition } from "../../../provider/resources/frontend/definition";
import { type Args, checked, describeDiffTable, rowBuilder, withValue, zoned } from "./support/diff-table";

const before: Args = {
  __resourceName: "https",
  lbId: zoned(1),
  backendId: zoned(2),
  inboundPort: 443,
  certificateIds: [zoned(3)],
};
const { row, updates, replaced } = rowBuilder(before);
const fe = updates("frontend");

describeDiffTable(frontendDefinition, before, [
  replaced("lbId", zoned(7)),
  row("zone", "given explicitly, same as the load balancer's", "fr-par-1", []),
  fe("name", "tls"),
  row("backendId", "re-pointed to another backend: an update, not a replacement", zoned(4), ["frontend"]),
  row("backendId", "unknown during preview", UNKNOWN, ["frontend"]),
  fe("inboundPort", 8443),
  fe("timeoutClient", "1m"),
  fe("certificateIds", [zoned(3), zoned(5)]),
  row(
    "certificateIds",
    "bare UUID of the same certificate: no change",
    ["00000000-0000-4000-8000-000000000003"],
    [],
  ),
  fe("enableHttp3", true),
  fe("connectionRateLimit", 100),
  fe("enableAccessLogs", true),
  row("importId", "set after creation: recorded, no API call", zoned(9), [], [], true),
]);

describe("Frontend replacement", () => {
  const olds = checked(frontendDefinition, before);
  const replacement = (after: Args) =>
    diffResource(frontendDefinition, olds, checked(frontendDefinition, after));

  it("onto another load balancer creates the new frontend first: no port to collide on", () => {
    const outcome = replacement(withValue(before, "lbId", zoned(7)));
    expect(outcome).toMatchObject({ replaces: ["lbId"], deleteBeforeReplace: false });
  });

  it("onto a load balancer being replaced (unknown id) also creates first, as up will", () => {
    const outcome = replacement(withValue(before, "lbId", UNKNOWN));
    expect(outcome).toMatchObject({ replaces: ["lbId", "zone"], deleteBeforeReplace: false });
  });

  it("keeping its load balancer and port deletes the old frontend first", () => {
    // No input of a frontend replaces it on the same load balancer today; the rule still holds
    // for a replacement forced on the same load balancer and port (here: a project-level zone move).
    const outcome = diffResource(frontendDefinition, olds, { ...olds, zone: "nl-ams-1" });
    expect(outcome).toMatchObject({ replaces: ["zone"], deleteBeforeReplace: true });
  });
});
