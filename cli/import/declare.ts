/**
 * The generated program as a model: one declared resource per live object, in dependency order,
 * each with its names, its importId and the smallest arguments that adopt it unchanged (checked
 * here with the provider's own check and diff). Pure: render-program prints it, tests evaluate it.
 */
import type { Json, ResourceDefinition } from "../../provider/core/property";
import { definitions } from "../../provider/resources/definitions";
import type { Props } from "../../provider/resources/operations";
import { type AdoptionDifference, adoptionDifferences, importEnvironment } from "./adoption";
import { type EvaluateOptions, evaluateArgs, type ObjectEntry, type ObjectExpr } from "./expr";
import { minimizeArgs } from "./minimize";
import { Namer, type ResourceNames, sanitizeName } from "./names";
import { isDefaultReverse } from "./reverse";
import { type References, toExpr } from "./to-expr";
import type { Kind, LiveObject, LiveTree } from "./tree";

export interface DeclaredResource {
  readonly kind: Kind;
  readonly names: ResourceNames;
  /** The live object's zoned id. */
  readonly importId: string;
  /** The arguments as written, `importId` last. */
  readonly args: ObjectExpr;
  /** The object's live props: what adoption compares the arguments with. */
  readonly live: Props;
  /** What the object is, for people: `backend "app"`. */
  readonly label: string;
}

/** A stack config secret the program reads (a custom certificate's chain). */
export interface SecretInput {
  readonly key: string;
  readonly certificate: DeclaredResource;
}

export interface ProgramModel {
  readonly zone: string;
  readonly lb: DeclaredResource;
  /** Every resource, in declaration order (each after what it refers to). */
  readonly resources: readonly DeclaredResource[];
  readonly secrets: readonly SecretInput[];
  /** Resources the provider would still not adopt as declared (empty when all is well). */
  readonly differences: readonly {
    readonly resource: DeclaredResource;
    readonly differences: AdoptionDifference[];
  }[];
}

/**
 * What the certificate chain secret evaluates to while checking: a value of the right shape. The
 * API never returns a chain, so adoption ignores it (the real one comes from stack config).
 */
export const PLACEHOLDER_CHAIN = placeholderBlock("CERTIFICATE") + placeholderBlock("PRIVATE KEY");

/** A PEM-shaped block with no content (built, so no key-like literal sits in the source). */
function placeholderBlock(label: string): string {
  return `-----BEGIN ${label}-----\n(from stack config)\n-----END ${label}-----\n`;
}

export const EVALUATE_FOR_CHECK: EvaluateOptions = { secret: () => PLACEHOLDER_CHAIN };

/** Always written: where the object lives and who owns it (never left to the reader's config), what the minimizer cannot judge. */
const KEEP = new Set([
  "zone",
  "projectId",
  "name",
  "ipIds",
  "assignFlexibleIp",
  "reverse",
  "customCertificate",
  "action.type",
]);

export function declareProgram(tree: LiveTree): ProgramModel {
  const ordered = order(tree);
  const namer = new Namer();
  const names = new Map<string, ResourceNames>();
  const nameOf = (id: Json | undefined) => (typeof id === "string" ? names.get(id.toLowerCase()) : undefined);
  for (const object of ordered) {
    names.set(object.id.toLowerCase(), namer.name(object.kind, baseName(object, tree, nameOf)));
  }
  const refs: References = new Map([...names].map(([id, n]) => [id, n.identifier]));
  const env = importEnvironment(tree.zone, str(tree.lb.props.projectId));

  const secrets: SecretInput[] = [];
  const differences: ProgramModel["differences"][number][] = [];
  const resources = ordered.map((object) => {
    const definition = definitionOf(object.kind);
    const objectNames = names.get(object.id.toLowerCase());
    if (!objectNames) throw new Error(`${object.kind} ${object.id} was not named`);
    const secretKey = `${objectNames.identifier.replace(/Certificate$/, "")}CertificateChain`;
    const full = fullArgs(definition, object, tree, refs, secretKey);
    const minimal = minimizeArgs(definition, object.props, full, {
      env,
      evaluate: EVALUATE_FOR_CHECK,
      keep: KEEP,
    });
    const args: ObjectExpr = {
      kind: "object",
      entries: [...minimal.entries, { key: "importId", value: { kind: "literal", value: object.id } }],
    };
    const resource: DeclaredResource = {
      kind: object.kind,
      names: objectNames,
      importId: object.id,
      args,
      live: object.props,
      label: labelOf(object),
    };
    if (args.entries.some((e) => e.key === "customCertificate"))
      secrets.push({ key: secretKey, certificate: resource });
    const found = adoptionDifferences(definition, object.props, evaluateArgs(args, EVALUATE_FOR_CHECK), env);
    if (found.length > 0) differences.push({ resource, differences: found });
    return resource;
  });
  const lb = resources.find((r) => r.kind === "LoadBalancer");
  if (!lb) throw new Error("a program always declares its load balancer");
  return { zone: tree.zone, lb, resources, secrets, differences };
}

/** Every input the live object has, as it would be written, before leaving out what check fills in. */
function fullArgs(
  definition: ResourceDefinition,
  object: LiveObject,
  tree: LiveTree,
  refs: References,
  secretKey: string,
): ObjectExpr {
  const live = object.props;
  const entries: ObjectEntry[] = [];
  for (const [name, prop] of Object.entries(definition.inputs)) {
    if (name === "importId") continue;
    // A child's zone is its parent's: check takes it from the parent's id.
    if (name === "zone" && definition.parent !== undefined) continue;
    if (object.kind === "LoadBalancer" && name === "ipIds" && isEmptyList(live.ipIds)) {
      // No flexible IP: a private load balancer, which must not get one if it is ever recreated.
      entries.push({ key: "assignFlexibleIp", value: { kind: "literal", value: false } });
      continue;
    }
    if (object.kind === "Ip" && name === "reverse") {
      const reverse = str(live.reverse);
      const address = str(live.ipAddress);
      if (reverse === undefined || (address !== undefined && isDefaultReverse(reverse, address, tree.zone)))
        continue;
    }
    if (object.kind === "Certificate" && name === "customCertificate" && live.type === "custom") {
      entries.push({
        key: name,
        value: {
          kind: "object",
          entries: [{ key: "certificateChain", value: { kind: "secretConfig", key: secretKey } }],
        },
      });
      continue;
    }
    const expr = toExpr(prop, live[name], refs);
    if (expr !== undefined) entries.push({ key: name, value: expr });
  }
  return { kind: "object", entries };
}

/** Dependency order (IPs, LB, attachments, certificates, backends, frontends, routes, ACLs), stable within a kind. */
function order(tree: LiveTree): LiveObject[] {
  // By name as it will be written, an exact spelling first (it then gets the plain name), then id.
  const byName = (a: LiveObject, b: LiveObject) => {
    const [x, y] = [str(a.props.name) ?? "", str(b.props.name) ?? ""];
    const [sx, sy] = [sanitizeName(x), sanitizeName(y)];
    return compare(sx, sy) || Number(x !== sx) - Number(y !== sy) || compare(x, y) || compare(a.id, b.id);
  };
  const frontends = [...tree.frontends].sort(byName);
  const frontendRank = (o: LiveObject) => {
    const id = str(o.props.frontendId)?.toLowerCase();
    const rank = frontends.findIndex((f) => f.id.toLowerCase() === id);
    return rank < 0 ? frontends.length : rank;
  };
  const ips = [...tree.ips].sort(
    (a, b) =>
      Number(a.props.isIpv6 === true) - Number(b.props.isIpv6 === true) ||
      compare(str(a.props.ipAddress) ?? "", str(b.props.ipAddress) ?? "") ||
      compare(a.id, b.id),
  );
  const routes = [...tree.routes].sort(
    (a, b) =>
      frontendRank(a) - frontendRank(b) || compare(routeMatch(a), routeMatch(b)) || compare(a.id, b.id),
  );
  const acls = [...tree.acls].sort(
    (a, b) =>
      frontendRank(a) - frontendRank(b) ||
      (num(a.props.index) ?? 0) - (num(b.props.index) ?? 0) ||
      byName(a, b),
  );
  const attachments = [...tree.privateNetworks].sort(
    (a, b) =>
      compare(str(a.props.privateNetworkId) ?? "", str(b.props.privateNetworkId) ?? "") ||
      compare(a.id, b.id),
  );
  return [
    ...ips,
    tree.lb,
    ...attachments,
    ...[...tree.certificates].sort(byName),
    ...[...tree.backends].sort(byName),
    ...frontends,
    ...routes,
    ...acls,
  ];
}

/** What a resource is named after: its API name, or what it belongs to for objects without one. */
function baseName(
  object: LiveObject,
  tree: LiveTree,
  nameOf: (id: Json | undefined) => ResourceNames | undefined,
): string {
  const lbName = nameOf(tree.lb.id)?.resourceName ?? str(tree.lb.props.name) ?? "lb";
  switch (object.kind) {
    case "Ip":
      return `${lbName}-${object.props.isIpv6 === true ? "ipv6" : "ip"}`;
    case "PrivateNetwork":
      return `${lbName}-private-network`;
    case "Route": {
      const from = nameOf(object.props.frontendId)?.resourceName ?? "frontend";
      const to = nameOf(object.props.backendId)?.resourceName ?? "backend";
      return `${from}-to-${to}`;
    }
    default:
      return str(object.props.name) ?? "";
  }
}

function labelOf(object: LiveObject): string {
  const word: Record<Kind, string> = {
    LoadBalancer: "load balancer",
    Ip: "flexible IP",
    Backend: "backend",
    Frontend: "frontend",
    Route: "route",
    Acl: "ACL",
    Certificate: "certificate",
    PrivateNetwork: "private network attachment",
  };
  if (object.kind === "Route") return `route for ${routeMatch(object) || "its frontend"}`;
  const what =
    object.kind === "Ip"
      ? str(object.props.ipAddress)
      : object.kind === "PrivateNetwork"
        ? str(object.props.privateNetworkId)
        : str(object.props.name);
  return what ? `${word[object.kind]} ${JSON.stringify(what)}` : word[object.kind];
}

/** `path "/api"`, `host "api.acme-corp.fr"`, `SNI "…"`: what a route matches, for sorting and labels. */
function routeMatch(route: LiveObject): string {
  const match = route.props.match;
  if (match === null || typeof match !== "object" || Array.isArray(match)) return "";
  const kinds: [string, string][] = [
    ["hostHeader", "host"],
    ["pathBegin", "path"],
    ["sni", "SNI"],
  ];
  for (const [key, word] of kinds) {
    const value = match[key];
    if (typeof value === "string") return `${word} ${JSON.stringify(value)}`;
  }
  return "";
}

function definitionOf(kind: Kind): ResourceDefinition {
  const found = definitions.find((d) => d.kind === kind);
  if (!found) throw new Error(`no resource definition for ${kind}`);
  return found;
}

function isEmptyList(value: Json | undefined): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

function str(value: Json | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function num(value: Json | undefined): number | undefined {
  return typeof value === "number" ? value : undefined;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
