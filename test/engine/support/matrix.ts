/**
 * The state-truth matrix, generated from the resource definitions: one case per optional input
 * (nested members included) that an update endpoint changes, each with a value different from
 * what "left out" means, the arguments that value needs beside it, and the API call that changes
 * it. Fields a case cannot cover are listed with the reason (`skipped`), so the counts are honest.
 */
import type { Json, Policy, Prop, ResourceDefinition } from "../../../provider/core/property";
import { definitions } from "../../../provider/resources/definitions";

export interface FieldCase {
  readonly kind: string;
  /** Dotted path, e.g. `healthCheck.checkDelay`. */
  readonly path: string;
  /** The resource's arguments with the field declared (base arguments, context, the value). */
  readonly declared: Record<string, Json>;
  /** The same arguments with the field (and the context it needed) left out. */
  readonly leftOut: Record<string, Json>;
  /** The update endpoint that changes the field. */
  readonly endpoint: string;
}

export interface Matrix {
  readonly cases: readonly FieldCase[];
  readonly skipped: readonly { kind: string; path: string; reason: string }[];
}

/** Arguments a value needs beside it to be accepted by the API, by `Kind path`. */
const CONTEXT: Record<string, Record<string, Json>> = {
  "Backend stickySessions": { stickySessionsCookieName: "matrix-cookie", forwardProtocol: "http" },
  "Backend stickySessionsCookieName": { stickySessions: "cookie", forwardProtocol: "http" },
  "Backend ignoreSslServerVerify": { sslBridging: true },
  "Frontend enableHttp3": { certificateIds: [{ $ref: "cert" }] },
  "Acl match.httpFilter": { match: { httpFilterValue: ["/matrix"] } },
  "Acl match.httpFilterValue": { match: { httpFilter: "path_begin" } },
  "Acl match.httpFilterOption": {
    match: { httpFilter: "http_header_match", httpFilterValue: ["matrix"] },
  },
  "Acl action.redirect": { action: { type: "redirect" } },
  "Acl action.redirect.type": { action: { type: "redirect", redirect: { target: "https" } } },
  "Acl action.redirect.code": { action: { type: "redirect", redirect: { target: "https://example.org" } } },
};

/** Values where the generic rule (below) would not give one the API accepts, by `Kind path`. */
const VALUES: Record<string, Json> = {
  "LoadBalancer type": "lb-gp-m",
  "Backend forwardProtocol": "http",
  "Backend failoverHost": "matrix.s3-website.fr-par.scw.cloud",
  "Backend healthCheck.port": 8081,
  "Backend healthCheck.httpConfig.code": 200,
  "Backend healthCheck.httpsConfig.code": 200,
  "Backend healthCheck.mysqlConfig": { user: "matrix" },
  "Backend healthCheck.pgsqlConfig": { user: "matrix" },
  "Acl action.redirect": { target: "https://example.org/moved" },
  "Acl action.redirect.type": "scheme",
  "Acl match.ipSubnet": ["10.0.0.0/8"],
  "Acl match.httpFilterOption": "x-matrix",
  "Frontend certificateIds": [{ $ref: "cert" }],
};

/** Fields a case cannot cover here, and where they are covered instead. */
const NOT_HERE: Record<string, string> = {
  "Ip reverse":
    "computed: left out means 'whatever the API chose', so removing it changes nothing (test/provider)",
  "Route match.hostHeader":
    "one of the route's exactly-one match keys: the base route needs one (test/provider)",
  "Route match.pathBegin":
    "one of the route's exactly-one match keys: the base route needs one (test/provider)",
  "Route match.sni": "one of the route's exactly-one match keys: the base route needs one (test/provider)",
  "Backend healthCheck.tcpConfig": "declaring it is the default itself: nothing to remove",
  "Backend healthCheck.httpConfig.uri": "covered with httpConfig (a member of a one-of block)",
  "Backend healthCheck.httpConfig.method": "covered with httpConfig (a member of a one-of block)",
  "Backend healthCheck.httpConfig.hostHeader": "covered with httpConfig (a member of a one-of block)",
  "Backend healthCheck.httpsConfig.uri": "covered with httpsConfig (a member of a one-of block)",
  "Backend healthCheck.httpsConfig.method": "covered with httpsConfig (a member of a one-of block)",
  "Backend healthCheck.httpsConfig.hostHeader": "covered with httpsConfig (a member of a one-of block)",
  "Backend healthCheck.httpsConfig.sni": "covered with httpsConfig (a member of a one-of block)",
  "Backend healthCheck.mysqlConfig.user": "required inside mysqlConfig",
  "Backend healthCheck.pgsqlConfig.user": "required inside pgsqlConfig",
  "Acl action.redirect.target": "required inside redirect",
};

/** Required arguments of a resource of each kind, given the shared tree (`lb`, `backend`, `frontend`). */
export function baseArgs(kind: string, index: number): Record<string, Json> {
  switch (kind) {
    case "Backend":
      return { lbId: { $ref: "lb" }, forwardPort: 8000 + index };
    case "Frontend":
      return { lbId: { $ref: "lb" }, backendId: { $ref: "backend" }, inboundPort: 1000 + index };
    case "Route":
      return {
        frontendId: { $ref: "frontend" },
        backendId: { $ref: "backend" },
        match: { hostHeader: `r${index}.example.org` },
      };
    case "Acl":
      return { frontendId: { $ref: "frontend" }, index: 100 + index, action: {} };
    case "Certificate":
      return { lbId: { $ref: "lb" }, customCertificate: { certificateChain: { $secret: "chain" } } };
    default:
      return {};
  }
}

export function stateMatrix(): Matrix {
  const cases: FieldCase[] = [];
  const skipped: { kind: string; path: string; reason: string }[] = [];
  for (const definition of definitions) {
    for (const [name, prop] of Object.entries(definition.inputs)) {
      walk(definition, [name], prop, prop.policy ?? "local", cases, skipped);
    }
  }
  return { cases, skipped };
}

function walk(
  definition: ResourceDefinition,
  path: string[],
  prop: Prop,
  policy: Policy,
  cases: FieldCase[],
  skipped: { kind: string; path: string; reason: string }[],
): void {
  const kind = definition.kind;
  const dotted = path.join(".");
  const key = `${kind} ${dotted}`;
  if (path.length === 1 && (prop.required || dotted === definition.parent)) {
    if (prop.type === "object") descend();
    return;
  }
  const reason = whyNotHere(key, dotted, policy);
  if (reason !== undefined) {
    skipped.push({ kind, path: dotted, reason });
    return;
  }
  const hasMembers = prop.type === "object" && Object.keys(prop.properties).length > 0;
  if (hasMembers && VALUES[key] === undefined && !isOneOfMember(definition, path)) {
    descend();
    return;
  }
  const value = VALUES[key] ?? nonDefault(prop, dotted);
  if (value === undefined) {
    skipped.push({ kind, path: dotted, reason: "no value differs from the default" });
    return;
  }
  const index = cases.length;
  const base = baseArgs(kind, index);
  const context = CONTEXT[key] ?? {};
  const leftOut = merge(base, {});
  const declared = merge(merge(base, context), nest(path, value));
  cases.push({
    kind,
    path: dotted,
    declared,
    leftOut,
    endpoint: typeof policy === "object" && "update" in policy ? policy.update : "",
  });

  function descend() {
    if (prop.type !== "object") return;
    for (const [member, inner] of Object.entries(prop.properties)) {
      walk(definition, [...path, member], inner, inner.policy ?? policy, cases, skipped);
    }
  }
}

function whyNotHere(key: string, dotted: string, policy: Policy): string | undefined {
  if (dotted === "zone" || dotted === "projectId") return "replace: where the object lives";
  if (dotted === "importId") return "local: covered by the 'importId removed' reproduction";
  if (policy === "local") return "local: no API field";
  if (policy === "replace") return "replace: covered by the preview-equals-up replacement tests";
  if ("add" in policy) return "add: adding is an update, removing replaces (replacements.test.ts)";
  return NOT_HERE[key];
}

/** A block of a one-of group (e.g. `healthCheck.httpConfig`): declared whole. */
function isOneOfMember(definition: ResourceDefinition, path: string[]): boolean {
  let prop: Prop | undefined;
  let parent: Prop | undefined;
  for (const part of path) {
    parent = prop;
    prop =
      parent === undefined
        ? definition.inputs[part]
        : parent.type === "object"
          ? parent.properties[part]
          : undefined;
  }
  const last = path[path.length - 1];
  return (
    parent?.type === "object" &&
    last !== undefined &&
    (parent.atMostOne ?? parent.exactlyOne ?? []).includes(last)
  );
}

/** A value the API accepts that differs from what "left out" means. */
function nonDefault(prop: Prop, path: string): Json | undefined {
  const d = prop.default;
  switch (prop.type) {
    case "boolean":
      return d !== true;
    case "string":
      if (prop.enum) return prop.enum.find((v) => v !== d);
      if (path.endsWith("name")) return `matrix-${path.replace(/\W/g, "-")}`;
      return "matrix-value";
    case "integer": {
      if (prop.enum) return prop.enum.find((v) => v !== d);
      const candidate = (prop.minimum ?? 0) + 7;
      return candidate === d ? candidate + 1 : candidate;
    }
    case "duration": {
      const candidate = typeof d === "number" ? d * 2 : 7000;
      return prop.maximum !== undefined && candidate > prop.maximum ? (prop.minimum ?? 1) + 1 : candidate;
    }
    case "array":
      return prop.items.type === "string" && prop.items.format === "ip" ? ["10.9.9.9"] : ["matrix"];
    case "object":
      return {};
  }
}

function nest(path: string[], value: Json): Record<string, Json> {
  return path.reduceRight<Json>((inner, key) => ({ [key]: inner }), value) as Record<string, Json>;
}

function merge(a: Record<string, Json>, b: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const before = out[key];
    out[key] = isRecord(before) && isRecord(value) && !("$ref" in value) ? merge(before, value) : value;
  }
  return out;
}

function isRecord(value: Json | undefined): value is Record<string, Json> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
