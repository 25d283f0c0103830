/**
 * The values a generated program passes as arguments: literals, references to other resources'
 * ids (`lb.id`), readable durations (`"30s"`), secrets read from stack config. Kept as a small
 * expression tree so that one model both prints as TypeScript and evaluates to the JSON the
 * provider's check receives — which is how the import proves what it writes adopts cleanly.
 */
import type { Json } from "../../provider/core/property";

export type Expr =
  | { readonly kind: "literal"; readonly value: string | number | boolean }
  /** `<identifier>.id`, whose value is the zoned id of the object `targetId`. */
  | { readonly kind: "ref"; readonly identifier: string; readonly targetId: string }
  /** A duration string such as "30s" (check parses it back to milliseconds). */
  | { readonly kind: "duration"; readonly text: string }
  /** `config.requireSecret(key)`: a value the API never returns (a certificate chain). */
  | { readonly kind: "secretConfig"; readonly key: string }
  | { readonly kind: "array"; readonly items: readonly Expr[] }
  | { readonly kind: "object"; readonly entries: readonly ObjectEntry[] };

export interface ObjectEntry {
  readonly key: string;
  readonly value: Expr;
}

export type ObjectExpr = Extract<Expr, { kind: "object" }>;

export interface EvaluateOptions {
  /** The value a `secretConfig` stands for (the real secret is only known to the stack). */
  readonly secret: (key: string) => string;
}

/** The JSON the program would pass for `expr`. */
export function evaluate(expr: Expr, options: EvaluateOptions): Json {
  switch (expr.kind) {
    case "literal":
      return expr.value;
    case "ref":
      return expr.targetId;
    case "duration":
      return expr.text;
    case "secretConfig":
      return options.secret(expr.key);
    case "array":
      return expr.items.map((item) => evaluate(item, options));
    case "object": {
      const out: Record<string, Json> = {};
      for (const entry of expr.entries) out[entry.key] = evaluate(entry.value, options);
      return out;
    }
  }
}

/** The arguments object as check receives it. */
export function evaluateArgs(args: ObjectExpr, options: EvaluateOptions): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const entry of args.entries) out[entry.key] = evaluate(entry.value, options);
  return out;
}
