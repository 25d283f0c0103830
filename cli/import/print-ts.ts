/**
 * Prints expressions as TypeScript laid out the way the repository's formatter (Biome: 2 spaces,
 * double quotes, trailing commas, 110 columns) would, so generated programs pass `biome check`
 * as they are: objects always expanded, lists on one line when they fit.
 */
import type { Expr } from "./expr";

export const LINE_WIDTH = 110;
const INDENT = "  ";

/**
 * `expr` as source text starting at column `column` of a line indented `depth` levels, followed by
 * `trailing` characters on its last line (a comma, `);`).
 */
export function printExpr(expr: Expr, depth: number, column: number, trailing: number): string {
  switch (expr.kind) {
    case "literal":
      return typeof expr.value === "string" ? quote(expr.value) : String(expr.value);
    case "ref":
      return `${expr.identifier}.id`;
    case "duration":
      return quote(expr.text);
    case "secretConfig":
      return `config.requireSecret(${quote(expr.key)})`;
    case "array": {
      if (expr.items.length === 0) return "[]";
      const items = expr.items.map((item) => printExpr(item, depth + 1, 0, 1));
      const inline = `[${items.join(", ")}]`;
      if (!inline.includes("\n") && column + inline.length + trailing <= LINE_WIDTH) return inline;
      const inner = INDENT.repeat(depth + 1);
      const expanded = expr.items.map((item) => `${inner}${printExpr(item, depth + 1, inner.length, 1)},`);
      return `[\n${expanded.join("\n")}\n${INDENT.repeat(depth)}]`;
    }
    case "object": {
      if (expr.entries.length === 0) return "{}";
      const inner = INDENT.repeat(depth + 1);
      const lines = expr.entries.map((entry) => {
        const head = `${inner}${propertyKey(entry.key)}: `;
        return `${head}${printExpr(entry.value, depth + 1, head.length, 1)},`;
      });
      return `{\n${lines.join("\n")}\n${INDENT.repeat(depth)}}`;
    }
  }
}

/** A string literal: double quotes, unless the text holds more double than single quotes (as Biome does). */
export function quote(text: string): string {
  const doubles = text.split('"').length - 1;
  const singles = text.split("'").length - 1;
  if (doubles > singles) {
    const body = JSON.stringify(text).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'");
    return `'${body}'`;
  }
  return JSON.stringify(text);
}

/** An object key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : quote(key);
}
