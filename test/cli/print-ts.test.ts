import type { Expr } from "../../cli/import/expr";
import { LINE_WIDTH, printExpr, propertyKey, quote } from "../../cli/import/print-ts";

const str = (value: string): Expr => ({ kind: "literal", value });

describe("printExpr", () => {
  it("prints objects expanded, lists inline when they fit", () => {
    const expr: Expr = {
      kind: "object",
      entries: [
        { key: "tags", value: { kind: "array", items: [str("a"), str("b")] } },
        { key: "lbId", value: { kind: "ref", identifier: "shop", targetId: "fr-par-1/x" } },
        { key: "timeoutServer", value: { kind: "duration", text: "30s" } },
        { key: "chain", value: { kind: "secretConfig", key: "siteCertificateChain" } },
        { key: "match", value: { kind: "object", entries: [] } },
      ],
    };
    expect(printExpr(expr, 0, 0, 0)).toBe(
      [
        "{",
        '  tags: ["a", "b"],',
        "  lbId: shop.id,",
        '  timeoutServer: "30s",',
        '  chain: config.requireSecret("siteCertificateChain"),',
        "  match: {},",
        "}",
      ].join("\n"),
    );
  });

  it("breaks a list that would not fit in the line width, one item per line", () => {
    const items = Array.from({ length: 8 }, (_, i) => str(`10.0.0.${i + 100}`));
    const printed = printExpr({ kind: "array", items }, 1, "  serverIps: ".length, 1);
    const lines = printed.split("\n");
    expect(lines).toHaveLength(10);
    expect(lines[1]).toBe('    "10.0.0.100",');
    expect(lines.at(-1)).toBe("  ]");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(LINE_WIDTH);
  });
});

describe("quote and propertyKey", () => {
  it("quote like the formatter: double quotes unless the text holds more of them", () => {
    expect(quote("plain")).toBe('"plain"');
    expect(quote('say "hi"')).toBe(`'say "hi"'`);
    expect(quote(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(quote(`it's "x`)).toBe(`"it's \\"x"`);
    expect(quote("line\nbreak")).toBe('"line\\nbreak"');
  });

  it("quote keys only when they are not identifiers", () => {
    expect(propertyKey("app")).toBe("app");
    expect(propertyKey("https-to-api")).toBe('"https-to-api"');
    expect(propertyKey("8080")).toBe('"8080"');
  });
});
