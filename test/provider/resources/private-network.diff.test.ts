import { UNKNOWN } from "../../../provider/core/unknown";
import { privateNetworkDefinition } from "../../../provider/resources/private-network/definition";
import {
  type Args,
  describeDiffTable,
  diffAfter,
  rowBuilder,
  uuid,
  withValue,
  zoned,
} from "./support/diff-table";

const before: Args = {
  // State our create wrote (an imported one has no resource name and no create-time flags).
  __resourceName: "attach",
  lbId: zoned(1),
  privateNetworkId: `fr-par/${uuid(2)}`,
  ipamIds: [`fr-par/${uuid(3)}`],
};
const { row, replaced } = rowBuilder(before);

describeDiffTable(privateNetworkDefinition, before, [
  replaced("lbId", zoned(8)),
  row("zone", "given explicitly, same as the load balancer's", "fr-par-1", []),
  replaced("privateNetworkId", `fr-par/${uuid(9)}`),
  row("privateNetworkId", "the same network as a bare, upper-case UUID", uuid(2).toUpperCase(), []),
  replaced("ipamIds", [`fr-par/${uuid(4)}`]),
  row("ipamIds", "the same IP as a bare UUID", [uuid(3)], []),
  row("ipamIds", "left out: the API's (computed) value stands", undefined, []),
  {
    path: "dhcpConfig",
    change: "set instead of ipamIds: re-attaches",
    after: { ...withValue(before, "ipamIds", undefined), dhcpConfig: true },
    endpoints: [],
    replaces: ["dhcpConfig"],
  },
  {
    path: "staticConfig",
    change: "set instead of ipamIds: re-attaches",
    after: { ...withValue(before, "ipamIds", undefined), staticConfig: "192.168.1.10" },
    endpoints: [],
    replaces: ["staticConfig"],
  },
  row(
    "importId",
    "set after creation: recorded, no API call",
    `fr-par-1/${uuid(1)}/${uuid(2)}`,
    [],
    [],
    true,
  ),
]);

describe("PrivateNetwork diff: forms of the same value, unknowns", () => {
  it("a static address written as a /32 and plain is the same address: no change", () => {
    const base = { lbId: zoned(1), privateNetworkId: uuid(2), staticConfig: "192.168.1.10/32" };
    expect(diffAfter(privateNetworkDefinition, base, { ...base, staticConfig: "192.168.1.10" }).changes).toBe(
      false,
    );
    expect(
      diffAfter(privateNetworkDefinition, base, { ...base, staticConfig: "192.168.1.11" }).replaces,
    ).toEqual(["staticConfig"]);
  });

  it("unknown ids during preview are a replacement (the network or a parent is being replaced)", () => {
    const outcome = diffAfter(privateNetworkDefinition, before, {
      ...before,
      privateNetworkId: UNKNOWN,
      ipamIds: UNKNOWN,
    });
    expect(outcome).toMatchObject({ changes: true, replaces: ["ipamIds", "privateNetworkId"] });
  });
});
