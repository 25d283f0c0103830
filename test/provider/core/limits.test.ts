/**
 * Every limit of the API that the definitions carry (maxItems, maxLength) is enforced by check:
 * one case per limited property of every kind, generated from the definitions, each refused with
 * the property's path and the limit in the message — before any API call could be made.
 */
import { checkResource } from "../../../provider/core/check-resource";
import type { Prop } from "../../../provider/core/property";
import { definitions } from "../../../provider/resources/definitions";
import { type Args, env, withValue, zoned } from "../resources/support/diff-table";

/** A valid declaration of each kind, which each case then breaks in one place. */
const valid: Record<string, Args> = {
  LoadBalancer: {},
  Ip: {},
  Backend: { lbId: zoned(1), forwardPort: 80 },
  Frontend: { lbId: zoned(1), backendId: zoned(2), inboundPort: 80 },
  Route: { frontendId: zoned(3), backendId: zoned(2), match: { hostHeader: "api.example.com" } },
  Acl: { frontendId: zoned(3), index: 0, action: { type: "deny" } },
  Certificate: { lbId: zoned(1), letsencrypt: { commonName: "shop.example.com" } },
};

/** A valid item of a list, repeated to go past its maxItems. */
function validItem(prop: Prop): unknown {
  if (prop.type !== "string") throw new Error(`no sample item for a list of ${prop.type}`);
  if (prop.format === "ip") return "10.0.0.1";
  if (prop.format === "cidr") return "10.0.0.0/8";
  if (prop.format === "id") return zoned(9);
  return prop.pattern ? "www.example.com" : "x";
}

interface Case {
  readonly kind: string;
  /** Where the value goes (dotted) and where check must report it (`[0]` for a list item). */
  readonly path: string;
  readonly reported: string;
  readonly value: unknown;
  readonly limit: string;
}

function limitCases(): Case[] {
  const cases: Case[] = [];
  for (const definition of definitions) {
    const walk = (props: { readonly [name: string]: Prop }, prefix: string) => {
      for (const [name, prop] of Object.entries(props)) {
        const path = `${prefix}${name}`;
        const kind = definition.kind;
        if (prop.type === "object") walk(prop.properties, `${path}.`);
        if (prop.type === "string" && prop.maxLength !== undefined) {
          const value = "a".repeat(prop.maxLength + 1);
          cases.push({ kind, path, reported: path, value, limit: `at most ${prop.maxLength} characters` });
        }
        if (prop.type === "array" && prop.maxItems !== undefined) {
          const value = Array.from({ length: prop.maxItems + 1 }, () => validItem(prop.items));
          cases.push({ kind, path, reported: path, value, limit: `(at most ${prop.maxItems})` });
        }
        if (prop.type === "array" && prop.items.type === "string" && prop.items.maxLength !== undefined) {
          const value = ["a".repeat(prop.items.maxLength + 1)];
          const limit = `at most ${prop.items.maxLength} characters`;
          cases.push({ kind, path, reported: `${path}[0]`, value, limit });
        }
      }
    };
    walk(definition.inputs, "");
  }
  return cases;
}

const cases = limitCases();

it("finds the limits the definitions carry (server pool, tags, names, SANs, ACL lists…)", () => {
  const found = cases.map((c) => `${c.kind}.${c.path}`);
  expect(found).toEqual(
    expect.arrayContaining([
      "Backend.serverIps",
      "LoadBalancer.tags",
      "LoadBalancer.name",
      "LoadBalancer.ipIds",
      "Acl.match.ipSubnet",
      "Acl.match.httpFilterValue",
      "Certificate.letsencrypt.subjectAlternativeNames",
      "Certificate.customCertificate.certificateChain",
      "Route.match.hostHeader",
      "Frontend.certificateIds",
    ]),
  );
});

it.each(cases.map((c) => [`${c.kind}.${c.reported}`, c] as const))(
  "%s past its limit is refused",
  (_t, c) => {
    const definition = definitions.find((d) => d.kind === c.kind);
    if (!definition) throw new Error(`no definition ${c.kind}`);
    const args = withValue({ __resourceName: "x", ...valid[c.kind] }, c.path, c.value);
    const { failures } = checkResource(definition, {}, args, env);
    expect(failures).toEqual(
      expect.arrayContaining([
        { property: c.reported, reason: expect.stringMatching(/is not valid: expected/) },
      ]),
    );
    const failure = failures.find((f) => f.property === c.reported);
    expect(failure?.reason).toContain(c.limit);
    // The size is said, since a long value is cut when shown.
    expect(failure?.reason).toMatch(/\(\d+ (items|characters)\)/);
  },
);

it("says how many items a refused list has", () => {
  const definition = definitions.find((d) => d.kind === "Backend");
  if (!definition) throw new Error("no Backend");
  const serverIps = Array.from({ length: 10_000 }, (_, i) => `10.${i >> 8}.${i & 255}.1`);
  const { failures } = checkResource(definition, {}, { ...valid.Backend, serverIps }, env);
  expect(failures).toEqual([
    {
      property: "serverIps",
      reason: expect.stringContaining("(10000 items) is not valid: expected a list (at most 1000)"),
    },
  ]);
});
