import fc from "fast-check";
import {
  formatMillis,
  formatProtoDuration,
  parseProtoDuration,
  parseWireDuration,
} from "../../provider/client/durations";

describe("protobuf durations (transient_check_delay, timeout_queue)", () => {
  it.each([
    ["0.500s", 500],
    ["0.500000000s", 500],
    ["4s", 4000],
    ["4.000000000s", 4000],
    ["0s", 0],
    ["0.000000000s", 0],
    ["0.200s", 200],
    ["10s", 10_000],
    ["1.000001s", 1000.001],
    ["2.5s", 2500],
  ])("reads %s as %d ms", (text, ms) => {
    expect(parseProtoDuration(text)).toBeCloseTo(ms, 9);
  });

  it.each(["", "5", "5ms", "1.2.3s", "s", "1.0000000001s", "abc"])("refuses %j", (text) => {
    expect(parseProtoDuration(text)).toBeNull();
  });

  it.each([
    [0, "0s"],
    [500, "0.500s"],
    [4000, "4s"],
    [200, "0.200s"],
    [1000.001, "1.000001s"],
    [1.5e-6, "0.000000002s"],
    [300_000, "300s"],
  ])("writes %d ms as %s (canonical protobuf JSON)", (ms, text) => {
    expect(formatProtoDuration(ms)).toBe(text);
  });

  it("round-trips every whole number of milliseconds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (ms) => {
        expect(parseProtoDuration(formatProtoDuration(ms))).toBe(ms);
      }),
    );
  });

  it("round-trips microsecond precision", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), (micros) => {
        const ms = micros / 1000;
        expect(parseProtoDuration(formatProtoDuration(ms))).toBeCloseTo(ms, 6);
      }),
    );
  });
});

describe("wire durations in either encoding", () => {
  it.each<[number | string, number]>([
    [60000, 60000],
    ["3000", 3000],
    [" 3000 ", 3000],
    ["0.500s", 500],
    ["5s", 5000],
    ["250ms", 250],
  ])("reads %j as %d ms", (value, ms) => {
    expect(parseWireDuration(value)).toBe(ms);
  });

  it.each<number | string>(["5m", "soon", Number.NaN, Number.POSITIVE_INFINITY])("refuses %j", (value) => {
    expect(parseWireDuration(value)).toBeNull();
  });

  it("writes ms fields as whole integers", () => {
    expect(formatMillis(3000)).toBe(3000);
    expect(formatMillis(1500.4)).toBe(1500);
    expect(() => formatMillis(Number.NaN)).toThrow(RangeError);
  });
});
