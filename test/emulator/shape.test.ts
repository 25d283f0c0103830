/** The replay's shape comparison catches what it must, and learns ids for later requests. */
import { IdMap } from "./support/id-map";
import { compareShapes } from "./support/shape";

const A = "aaaaaaaa-0000-4000-8000-000000000001";
const B = "bbbbbbbb-0000-4000-8000-000000000002";
const X = "cccccccc-0000-4000-8000-000000000003";
const Y = "dddddddd-0000-4000-8000-000000000004";

const problems = (recorded: unknown, actual: unknown, ids = new IdMap()) =>
  compareShapes(recorded, actual, ids).mismatches.map((m) => `${m.path}: ${m.problem}`);

describe("compareShapes", () => {
  it("accepts different values of the same types, and learns ids and addresses", () => {
    const ids = new IdMap();
    expect(
      problems(
        { id: A, ip: [{ id: B, ip_address: "51.15.1.2" }], n: 1, t: "x" },
        { id: X, ip: [{ id: Y, ip_address: "163.172.9.9" }], n: 2, t: "y" },
        ids,
      ),
    ).toEqual([]);
    expect(ids.get(A)).toBe(X);
    expect(ids.rewrite(`/lbs/${A}?ip=51.15.1.2 51-15-1-2.lb.fr-par.scw.cloud 51.15.1.23`)).toBe(
      `/lbs/${X}?ip=163.172.9.9 163-172-9-9.lb.fr-par.scw.cloud 51.15.1.23`,
    );
  });

  it("reports missing and extra keys, type changes, null versus value, and array lengths", () => {
    expect(problems({ a: 1, b: null, c: [], d: "s" }, { a: "1", b: "x", c: [1], e: "s" })).toEqual([
      ".a: recorded number, emulator string",
      ".b: recorded null, emulator string",
      ".c: recorded 0 elements, emulator 1",
      ".d: missing in emulator answer",
      ".e: not in recorded answer",
    ]);
  });

  it("tolerates unknown entries only in the top-level array of a list answer", () => {
    const ids = new IdMap();
    ids.learnId(A, X);
    const report = compareShapes(
      { ips: [{ id: B }, { id: A }], total_count: 2 },
      { ips: [{ id: X }], total_count: 1 },
      ids,
    );
    expect(report).toMatchObject({ mismatches: [], foreign: 1 });
    expect(problems({ lb: { ip: [{ id: B }] } }, { lb: { ip: [] } }, ids)).toEqual([
      `.lb.ip: recorded element ${B} has no counterpart`,
    ]);
  });
});
