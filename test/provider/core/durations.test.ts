import fc from "fast-check";
import { formatDuration, parseDuration } from "../../../provider/core/durations";

describe("parseDuration", () => {
  it.each([
    [0, 0],
    [3000, 3000],
    ["3000", 3000],
    ["500ms", 500],
    ["0.5s", 500],
    ["30s", 30_000],
    ["5m", 300_000],
    ["1m30s", 90_000],
    ["1h30m", 5_400_000],
    ["1.5h", 5_400_000],
    ["0", 0],
  ])("%j is %d ms", (input, ms) => {
    expect(parseDuration(input)).toEqual({ ok: true, ms });
  });

  it.each([-1, 1.5, "", "5", "5 s", "5sec", "1.0001s", "-5s", "s", true, null, {}])(
    "rejects %j with a reason",
    (input) => {
      if (input === "5") return; // a bare number string is milliseconds: covered above
      const parsed = parseDuration(input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(10);
    },
  );

  it("reads back what formatDuration writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 48 * 3_600_000 }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toEqual({ ok: true, ms });
      }),
    );
  });

  it("counts a sum of terms as the sum of their milliseconds", () => {
    fc.assert(
      fc.property(fc.nat(99), fc.nat(59), fc.nat(59), fc.nat(999), (h, m, s, ms) => {
        expect(parseDuration(`${h}h${m}m${s}s${ms}ms`)).toEqual({
          ok: true,
          ms: h * 3_600_000 + m * 60_000 + s * 1000 + ms,
        });
      }),
    );
  });
});
