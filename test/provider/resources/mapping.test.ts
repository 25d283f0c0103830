/**
 * The mappings derived from a definition (provider/resources/mapping.ts): answer → props keeps
 * the API's nulls and ids zoned; inputs → body sends bare ids, nulls for absent optional values,
 * and leaves out absent objects, absent one-of members and (in a PATCH) every absent value.
 */
import { defineResource } from "../../../provider/core/infer";
import { propsFrom, requestBody } from "../../../provider/resources/mapping";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const definition = defineResource({
  kind: "Sample",
  description: "A definition exercising every mapping rule.",
  inputs: {
    zone: { type: "string", description: "Zone.", api: { read: (_v, where) => where.zone } },
    parentId: {
      type: "string",
      format: "id",
      required: true,
      description: "Parent.",
      api: { from: "parent.id" },
    },
    size: { type: "integer", policy: { update: "main" }, description: "Optional size." },
    servers: {
      type: "array",
      items: { type: "string", description: "A server." },
      default: [],
      policy: { update: "servers" },
      api: { from: "pool", to: "serverIp" },
      description: "Servers.",
    },
    otherIds: {
      type: "array",
      items: { type: "string", format: "id", description: "An id." },
      default: [],
      policy: { update: "main" },
      description: "Ids.",
    },
    mode: {
      type: "string",
      enum: ["a", "b"],
      default: "a",
      policy: { update: "main" },
      api: { read: (v) => (v === "unknown" ? "a" : v) },
      description: "Mode.",
    },
    limit: {
      type: "integer",
      default: 0,
      policy: { update: "main" },
      api: { read: (v) => v ?? 0, write: (v) => (v === 0 ? null : v) },
      description: "0 = none.",
    },
    check: {
      type: "object",
      default: {},
      policy: { update: "main" },
      atMostOne: ["http", "tcp"],
      description: "One-of group.",
      properties: {
        port: { type: "integer", description: "Port." },
        http: {
          type: "object",
          description: "HTTP.",
          properties: { uri: { type: "string", description: "URI." } },
        },
        tcp: { type: "object", description: "TCP.", properties: {} },
      },
    },
    extra: { type: "object", policy: "replace", description: "Absent object.", properties: {} },
    importId: { type: "string", policy: "local", description: "Provider-side." },
  },
  outputs: {
    createdAt: { type: "string", description: "Created." },
    stateVersion: { type: "integer", description: "Version.", api: { byKind: true } },
  },
});

describe("propsFrom: the API's answer in the provider's shape", () => {
  const answer = {
    id: uuid(9),
    parent: { id: uuid(1) },
    size: null,
    pool: ["10.0.0.1"],
    otherIds: [uuid(2)],
    mode: "unknown",
    limit: null,
    check: { port: 80, tcp: {}, ignored: true },
    createdAt: "2026-01-01T00:00:00Z",
  };

  it("follows declared paths, zones ids, applies read adjustments and keeps explicit nulls", () => {
    expect(propsFrom(definition, answer, "nl-ams-1")).toStrictEqual({
      zone: "nl-ams-1",
      parentId: `nl-ams-1/${uuid(1)}`,
      size: null,
      servers: ["10.0.0.1"],
      otherIds: [`nl-ams-1/${uuid(2)}`],
      mode: "a",
      limit: 0,
      check: { port: 80, tcp: {} },
      createdAt: "2026-01-01T00:00:00Z",
    });
  });

  it("leaves out what the answer does not have, provider-side inputs and the kind's own outputs", () => {
    const props = propsFrom(definition, { parent: { id: uuid(1) } }, "fr-par-1");
    expect(props).toStrictEqual({ zone: "fr-par-1", parentId: `fr-par-1/${uuid(1)}`, limit: 0 });
  });
});

describe("requestBody: checked inputs as the API takes them", () => {
  const inputs = {
    zone: "fr-par-1",
    parentId: `fr-par-1/${uuid(1)}`,
    servers: ["10.0.0.1"],
    otherIds: [`fr-par-1/${uuid(2)}`],
    mode: "b",
    limit: 0,
    check: { http: {} },
    importId: `fr-par-1/${uuid(3)}`,
  };

  it("create: every input but provider-side ones; bare ids, renamed fields, null for absent values", () => {
    expect(requestBody(definition, inputs, { create: true })).toStrictEqual({
      zone: "fr-par-1",
      parentId: uuid(1),
      size: null,
      serverIp: ["10.0.0.1"],
      otherIds: [uuid(2)],
      mode: "b",
      limit: null,
      check: { port: null, http: { uri: null } },
    });
  });

  it("an endpoint: only the fields its policy names", () => {
    expect(requestBody(definition, inputs, { endpoint: "servers" })).toStrictEqual({
      serverIp: ["10.0.0.1"],
    });
  });

  it("a PATCH leaves out every absent value", () => {
    expect(requestBody(definition, inputs, { endpoint: "main" }, { patch: true })).toStrictEqual({
      otherIds: [uuid(2)],
      mode: "b",
      limit: null,
      check: { http: {} },
    });
  });

  it("fails naming the kind when the inputs have no zone", () => {
    expect(() => requestBody(definition, { parentId: uuid(1) }, { create: true })).toThrow(
      "Sample: inputs without a zone",
    );
  });
});
