/**
 * The diff's policies on a made-up kind, independent of any real resource: `add` (growing is an
 * update, shrinking replaces), unknown values in `replace` fields, and delete-before-replace
 * only when the new object keeps what the old one holds.
 */
import { diffResource } from "../../../provider/core/diff";
import type { ResourceDefinition } from "../../../provider/core/property";
import { UNKNOWN } from "../../../provider/core/unknown";

const holder: ResourceDefinition = {
  kind: "Holder",
  description: "A made-up kind holding addresses.",
  deleteBeforeReplace: { sharing: ["addresses"] },
  inputs: {
    owner: { type: "string", format: "id", policy: "replace", description: "Its parent." },
    addresses: {
      type: "array",
      items: { type: "string", format: "ip", description: "An address." },
      policy: { add: "attach" },
      description: "Addresses it holds.",
    },
    extra: { type: "boolean", policy: { add: "attach" }, description: "A flag that can only turn on." },
    label: { type: "string", policy: { update: "put" }, description: "A label." },
  },
  outputs: {},
};

const olds = { owner: "fr-par-1/a", addresses: ["10.0.0.1", "2001:db8::1"], extra: false, label: "x" };
const diff = (news: Record<string, unknown>) => diffResource(holder, olds, { ...olds, ...news });

describe("diff policies", () => {
  it.each([
    ["an address added: an update", { addresses: [...olds.addresses, "10.0.0.2"] }, ["attach"], [], false],
    [
      "an address being created (unknown) added: an update",
      { addresses: [...olds.addresses, UNKNOWN] },
      ["attach"],
      [],
      false,
    ],
    [
      "an address removed: replaced, old deleted first (it keeps one)",
      { addresses: ["10.0.0.1"] },
      [],
      ["addresses"],
      true,
    ],
    [
      "every address swapped: replaced, new created first",
      { addresses: ["10.0.0.9"] },
      [],
      ["addresses"],
      false,
    ],
    [
      "one address swapped for one being created: replaced, new first",
      { addresses: [UNKNOWN] },
      [],
      ["addresses"],
      false,
    ],
    ["the whole list unknown: it may drop one, replaced", { addresses: UNKNOWN }, [], ["addresses"], false],
    ["the flag turned on: an update", { extra: true }, ["attach"], [], false],
    [
      "an unknown parent (being replaced): replaced with it, deleting first",
      { owner: UNKNOWN },
      [],
      ["owner"],
      true,
    ],
    [
      "another parent, the same addresses: replaced, deleting first",
      { owner: "fr-par-1/b" },
      [],
      ["owner"],
      true,
    ],
    ["an unknown label: an update", { label: UNKNOWN }, ["put"], [], false],
  ])("%s", (_title, news, endpoints, replaces, deleteFirst) => {
    const outcome = diff(news);
    expect(outcome).toMatchObject({ endpoints, replaces, changes: true, deleteBeforeReplace: deleteFirst });
  });

  it("the same addresses, reordered and respelled: no change", () => {
    expect(diff({ addresses: ["2001:DB8::0:1", "10.0.0.1"] }).changes).toBe(false);
  });

  it("a flag turned off replaces", () => {
    const outcome = diffResource(holder, { ...olds, extra: true }, { ...olds, extra: false });
    expect(outcome).toMatchObject({ replaces: ["extra"], endpoints: [] });
  });

  it("no change: nothing, and no delete-first", () => {
    expect(diff({})).toEqual({
      changes: false,
      replaces: [],
      endpoints: [],
      changed: [],
      deleteBeforeReplace: false,
    });
  });
});
