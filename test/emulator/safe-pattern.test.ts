/** The linear-time matcher behind lbErrorPattern and fault pathPattern agrees with RegExp and never backtracks. */
import fc from "fast-check";
import { compilePattern, MAX_PATTERN_LENGTH, patternProblem } from "../../emulator/safe-pattern";

describe("safe patterns", () => {
  it.each([
    ["^(a+)+$", `${"a".repeat(10_000)}!`],
    ["(a|aa)*b", "a".repeat(10_000)],
    ["^(\\w+\\s?)*$", `${"word ".repeat(2_000)}!`],
    ["(.*a){20}", `${"a".repeat(19)}${"b".repeat(5_000)}`],
  ])("matches %s against a hostile input without backtracking", (pattern, input) => {
    // RegExp would take years on these; the NFA simulation is linear in the input.
    expect(compilePattern(pattern).test(input)).toBe(false);
  });

  it("agrees with RegExp on generated patterns and inputs", () => {
    const atom = fc.constantFrom("a", "b", ".", "[ab]", "[^a]", "\\d", "(a|b)", "(?:ab)", "x", "-");
    const quantifier = fc.constantFrom("", "", "*", "+", "?", "{2}", "{1,3}", "{2,}", "*?");
    const piece = fc.tuple(atom, quantifier).map(([a, q]) => a + q);
    const pattern = fc
      .tuple(fc.boolean(), fc.array(piece, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.boolean())
      .map(([bol, pieces, alt, eol]) => {
        const body = pieces.join("");
        return `${bol ? "^" : ""}${alt ? `(?:${body}|b1)` : body}${eol ? "$" : ""}`;
      });
    const input = fc.stringMatching(/^[ab1x-]{0,12}$/);
    fc.assert(
      fc.property(pattern, input, (p, s) => compilePattern(p).test(s) === new RegExp(p).test(s)),
      { numRuns: 2_000, seed: 42 },
    );
  });

  it("refuses what it cannot run in linear time or does not support, saying why", () => {
    expect(patternProblem("(?=a)")).toMatch(/lookarounds/);
    expect(patternProblem("(?<name>a)")).toMatch(/named groups/);
    expect(patternProblem("(a)\\1")).toMatch(/backreferences/);
    expect(patternProblem("\\bx")).toMatch(/word boundaries/);
    expect(patternProblem("a{101}")).toMatch(/above 100/);
    expect(patternProblem("((a{50}){50})")).toMatch(/too large/);
    expect(patternProblem("a".repeat(MAX_PATTERN_LENGTH + 1))).toMatch(/limited to/);
    expect(patternProblem("[z-a]")).toMatch(/out of order/);
    expect(patternProblem("^web-")).toBeNull();
  });
});
