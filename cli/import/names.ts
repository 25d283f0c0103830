/**
 * Names in the generated program: a Pulumi resource name (kebab-case, from the object's API name)
 * and a TypeScript identifier (camelCase) per object, both unique in the program, plus the project
 * name. Objects are named in declaration order, so the same tree always gets the same names.
 */
import type { Kind } from "./tree";

export interface ResourceNames {
  /** The Pulumi resource name: `new scw.Backend("<resourceName>", …)`. */
  readonly resourceName: string;
  /** The variable holding the resource: `const <identifier> = …`. */
  readonly identifier: string;
}

/** Words that name each kind: fallbacks for empty names and suffixes that tell clashing names apart. */
const KIND_WORDS: Readonly<Record<Kind, string>> = {
  LoadBalancer: "lb",
  Ip: "ip",
  Backend: "backend",
  Frontend: "frontend",
  Route: "route",
  Acl: "acl",
  Certificate: "certificate",
  PrivateNetwork: "network",
};

/** Identifiers a generated program cannot use: keywords, globals, and the program's own names. */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally " +
    "for function if import in instanceof new null return super switch this throw true try typeof var void " +
    "while with yield let static implements interface package private protected public await as any boolean " +
    "constructor declare get module require number set string symbol type from of async undefined NaN " +
    "Infinity arguments eval exports object never unknown bigint " +
    // The generated program's imports, config and exports.
    "pulumi scw config address loadBalancerId ids"
  ).split(" "),
);

/** Lower-case kebab-case made of letters, digits, `.` and `_` (accents dropped); "" when nothing is left. */
export function sanitizeName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-._]+|[-._]+$/g, "");
}

/** camelCase of a sanitized name; a name starting with a digit gets the kind's word in front. */
export function toIdentifier(name: string, kind: Kind): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const camel = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join("");
  if (camel === "") return KIND_WORDS[kind];
  if (/^[0-9]/.test(camel)) return `${KIND_WORDS[kind]}${camel}`;
  return camel;
}

/** The Pulumi project name for a load balancer's name: sanitized, with a fallback. */
export function projectNameFor(lbName: string): string {
  const name = sanitizeName(lbName)
    .slice(0, 100)
    .replace(/[-._]+$/, "");
  return name === "" ? "imported-lb" : name;
}

/** Is `name` acceptable as a Pulumi project (and npm package) name? */
export function isValidProjectName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(name);
}

/**
 * Hands out unique resource names and identifiers, first come first served. A name already taken
 * by another kind gets the kind as a suffix (`app-frontend`), by the same kind a number (`app-2`).
 */
export class Namer {
  private readonly resourceNames = new Map<string, Kind>();
  private readonly identifiers = new Map<string, Kind>();

  /** Names for an object of `kind` whose API name (or a description of it) is `base`. */
  name(kind: Kind, base: string): ResourceNames {
    const word = KIND_WORDS[kind];
    const clean = sanitizeName(base) || word;
    const resourceName = this.claim(
      this.resourceNames,
      new Set(),
      kind,
      clean,
      `${clean}-${word}`,
      (n) => `${clean}-${n}`,
    );
    const bare = toIdentifier(resourceName, kind);
    const suffixed = `${bare}${word.charAt(0).toUpperCase()}${word.slice(1)}`;
    const identifier = this.claim(this.identifiers, RESERVED, kind, bare, suffixed, (n) => `${bare}${n}`);
    return { resourceName, identifier };
  }

  private claim(
    taken: Map<string, Kind>,
    reserved: ReadonlySet<string>,
    kind: Kind,
    plain: string,
    withKind: string,
    numbered: (n: number) => string,
  ): string {
    const free = (name: string) => !taken.has(name) && !reserved.has(name);
    const holder = taken.get(plain);
    const sameKind = holder === kind;
    let chosen: string | undefined;
    if (free(plain)) chosen = plain;
    else if (!sameKind && !plain.toLowerCase().endsWith(KIND_WORDS[kind]) && free(withKind))
      chosen = withKind;
    for (let n = 2; chosen === undefined; n++) if (free(numbered(n))) chosen = numbered(n);
    taken.set(chosen, kind);
    return chosen;
  }
}
