/**
 * Server pools are sets of addresses: any reordering, duplicate or respelling of the same
 * addresses is no change, and any real change is exactly one call to the servers endpoint.
 */
import fc from "fast-check";
import { diffResource } from "../../../provider/core/diff";
import { backendDefinition } from "../../../provider/resources/backend/definition";
import { checked, zoned } from "../resources/support/diff-table";

const base = { lbId: zoned(1), forwardPort: 80 };
const diffPools = (before: string[], after: string[]) => {
  const olds = checked(backendDefinition, { ...base, serverIps: before });
  return diffResource(
    backendDefinition,
    olds,
    checked(backendDefinition, { ...base, serverIps: after }, olds),
  );
};

/** Ways of writing the same IPv6 address: upper case, zero-padded groups. */
const respell = (address: string, upper: boolean, pad: boolean) => {
  if (!address.includes(":") || address.includes(".")) return address;
  const padded = pad ? expand(address) : address;
  return upper ? padded.toUpperCase() : padded;
};
const expand = (address: string) => {
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = address.includes("::") ? 8 - left.length - right.length : 0;
  return [...left, ...Array(missing).fill("0"), ...right].map((g) => g.padStart(4, "0")).join(":");
};

const pool = fc.uniqueArray(fc.oneof(fc.ipV4(), fc.ipV6()), { minLength: 1, maxLength: 12 });

describe("pool reconciliation", () => {
  it("sees no change in a shuffled, duplicated, respelled pool", () => {
    fc.assert(
      fc.property(pool, fc.integer(), fc.boolean(), fc.boolean(), (ips, seed, upper, pad) => {
        const shuffled = fc.sample(
          fc.shuffledSubarray(ips, { minLength: ips.length, maxLength: ips.length }),
          {
            seed,
            numRuns: 1,
          },
        )[0] as string[];
        const after = [...shuffled, shuffled[0] as string].map((ip) => respell(ip, upper, pad));
        const outcome = diffPools(ips, after);
        expect(outcome).toMatchObject({ changes: false, endpoints: [], replaces: [] });
      }),
    );
  });

  it("turns any real change of the set into exactly one servers call, nothing else", () => {
    const canonicalSet = (ips: string[]) =>
      JSON.stringify(
        [...new Set(checked(backendDefinition, { ...base, serverIps: ips }).serverIps as string[])].sort(),
      );
    fc.assert(
      fc.property(pool, pool, (before, after) => {
        const outcome = diffPools(before, after);
        expect(outcome.endpoints).toEqual(canonicalSet(before) === canonicalSet(after) ? [] : ["servers"]);
        expect(outcome.replaces).toEqual([]);
      }),
    );
  });
});
