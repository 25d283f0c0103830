/**
 * The README's resource reference, generated from schema.json: one table per resource (property,
 * type, required, default, description), one per lookup function (arguments, then the result's
 * fields) and one per object type, between two marker comments.
 */
type Spec = Record<string, unknown>;

export const START = "<!-- reference:start (generated from schema.json by npm run generate) -->";
export const END = "<!-- reference:end -->";

export function referenceMarkdown(schema: Spec): string {
  const resources = (schema.resources ?? {}) as Record<string, Spec>;
  const types = (schema.types ?? {}) as Record<string, Spec>;
  const out: string[] = [];
  for (const [token, resource] of Object.entries(resources)) {
    const name = shortName(token);
    const required = new Set((resource.requiredInputs ?? []) as string[]);
    out.push(`### ${name}`, "", firstParagraph(String(resource.description ?? "")), "");
    out.push(table(resource.inputProperties as Record<string, Spec>, required));
    const outputs = Object.entries(resource.properties as Record<string, Spec>).filter(
      ([key]) => !(key in (resource.inputProperties as Spec)),
    );
    out.push(
      "",
      `Outputs besides the inputs: ${outputs.map(([key, p]) => `\`${key}\` (${typeText(p)}): ${cell(String(p.description ?? ""))}`).join("; ")}`,
      "",
    );
  }
  const functions = (schema.functions ?? {}) as Record<string, Spec>;
  if (Object.keys(functions).length > 0) {
    out.push(
      "### Lookup functions",
      "",
      "Each reads existing objects with GET calls only and records nothing in state: `getX(args)` returns a Promise, `getXOutput(args)` takes Inputs and returns an Output.",
      "",
    );
  }
  for (const [token, fn] of Object.entries(functions)) {
    const inputs = (fn.inputs ?? {}) as Spec;
    const outputs = (fn.outputs ?? {}) as Spec;
    out.push(
      `#### ${shortName(token)}`,
      "",
      cell(String(fn.description ?? "").split("\n\nIn a TypeScript")[0] ?? ""),
      "",
    );
    out.push(
      table((inputs.properties ?? {}) as Record<string, Spec>, new Set((inputs.required ?? []) as string[])),
    );
    const fields = Object.entries((outputs.properties ?? {}) as Record<string, Spec>);
    out.push("", `Result: ${fields.map(([key, p]) => `\`${key}\` (${typeText(p)})`).join(", ")}.`, "");
  }
  out.push("### Object types", "");
  for (const [token, type] of Object.entries(types)) {
    if (type.enum) continue;
    const required = new Set((type.required ?? []) as string[]);
    out.push(`#### ${shortName(token)}`, "", cell(String(type.description ?? "")), "");
    out.push(table((type.properties ?? {}) as Record<string, Spec>, required), "");
  }
  return out.join("\n").trimEnd();
}

export function replaceReference(readme: string, reference: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n\n${reference}\n\n${readme.slice(end)}`;
}

function table(properties: Record<string, Spec>, required: Set<string>): string {
  const rows = Object.entries(properties).map(([key, p]) => {
    const fallback = p.default === undefined ? "" : `\`${JSON.stringify(p.default)}\``;
    return `| \`${key}\` | ${typeText(p)} | ${required.has(key) ? "yes" : ""} | ${fallback} | ${cell(String(p.description ?? ""))} |`;
  });
  return ["| property | type | required | default | description |", "|---|---|---|---|---|", ...rows].join(
    "\n",
  );
}

function typeText(p: Spec): string {
  if (typeof p.$ref === "string") return shortName(p.$ref.replace("#/types/", ""));
  if (Array.isArray(p.oneOf)) return "duration (ms or string)";
  if (p.type === "array") return `${typeText((p.items ?? {}) as Spec)}[]`;
  return String(p.type ?? "any");
}

function shortName(token: string): string {
  return token.slice(token.lastIndexOf(":") + 1);
}

function firstParagraph(text: string): string {
  return cell(text.split("\n\n")[0] ?? "");
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n+/g, " ");
}
