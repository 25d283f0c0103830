import fc from "fast-check";
import { canonicalCidr, canonicalIp } from "../../../provider/core/ip";

describe("canonicalIp", () => {
  it.each([
    ["2001:DB8::1", "2001:db8::1"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
    ["::", "::"],
    ["::1", "::1"],
    ["::ffff:192.0.2.1", "::ffff:c000:201"],
    ["2001:bc8:710:7f9::", "2001:bc8:710:7f9::"],
    ["192.168.0.1", "192.168.0.1"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalIp(input)).toBe(expected);
  });

  it.each([
    "",
    "1.2.3",
    "1.2.3.256",
    "01.2.3.4",
    "2001:db8::1::1",
    "fe80::1%eth0",
    "example.com",
    "1.2.3.4/32",
  ])("rejects %j", (input) => {
    expect(canonicalIp(input)).toBeUndefined();
  });

  const groups = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 });

  it("gives every spelling of an IPv6 address the same text", () => {
    fc.assert(
      fc.property(groups, fc.boolean(), fc.boolean(), (g, upper, padded) => {
        const spelled = g.map((x) => (padded ? x.toString(16).padStart(4, "0") : x.toString(16))).join(":");
        const text = upper ? spelled.toUpperCase() : spelled;
        const reference = canonicalIp(g.map((x) => x.toString(16)).join(":"));
        expect(canonicalIp(text)).toBe(reference);
      }),
    );
  });

  it("is idempotent, lower-case and blind to the input's case", () => {
    fc.assert(
      fc.property(fc.ipV6(), (address) => {
        const once = canonicalIp(address);
        expect(once).toBeDefined();
        expect(canonicalIp(once as string)).toBe(once);
        expect(once).toBe((once as string).toLowerCase());
        expect(canonicalIp(address.toUpperCase())).toBe(once);
      }),
    );
  });

  it("never compresses a single zero group (RFC 5952 §4.2.2)", () => {
    expect(canonicalIp("0:1:1::1:0:1:0")).toBe("0:1:1:0:1:0:1:0");
  });

  it("keeps IPv4 addresses as they are", () => {
    fc.assert(fc.property(fc.ipV4(), (address) => expect(canonicalIp(address)).toBe(address)));
  });
});

describe("canonicalCidr", () => {
  it.each([
    ["10.0.0.0/8", "10.0.0.0/8"],
    ["1.2.3.4/32", "1.2.3.4"],
    ["1.2.3.4", "1.2.3.4"],
    ["2001:DB8::/32", "2001:db8::/32"],
    ["2001:db8::1/128", "2001:db8::1"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalCidr(input)).toBe(expected);
  });

  it.each(["10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/8/8", "10.0.0.0/x"])(
    "rejects %j",
    (input) => {
      expect(canonicalCidr(input)).toBeUndefined();
    },
  );

  it("treats a full-length prefix as the bare address, for any address", () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (address) => {
        const bits = address.includes(":") ? 128 : 32;
        expect(canonicalCidr(`${address}/${bits}`)).toBe(canonicalIp(address));
      }),
    );
  });
});
