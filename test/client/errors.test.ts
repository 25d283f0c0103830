/** Error mapping from real error bodies (reference §7) and the brand check. */
import { errorFromResponse, kindForStatus } from "../../provider/client/error-mapping";
import { isNotFoundError, isScalewayError, ScalewayError } from "../../provider/client/errors";
import { recorded } from "./support/fixtures";

const SECRET = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

function map(status: number, body: unknown, path = "/lb/v1/zones/fr-par-1/lbs/x") {
  return errorFromResponse({
    operation: "getLb",
    method: "GET",
    path,
    status,
    body,
    requestId: "req-1",
    redact: (text) => text.split(SECRET).join("[REDACTED]"),
  });
}

describe("mapping answers to kinds", () => {
  it.each([
    ["lb-404", 404],
    ["backend-404", 404],
    ["route-404", 404],
  ])("recorded %s (no type, LB-style message) is not_found by status", (name, status) => {
    const error = map(status, recorded(name));
    expect(error.kind).toBe("not_found");
    expect(error.apiType).toBeUndefined();
    expect(error.message).toContain("not Found");
    expect(isNotFoundError(error)).toBe(true);
  });

  it("invalid_field (Let's Encrypt) carries the field detail", () => {
    const error = map(400, {
      details: [
        {
          field: "dns_name",
          message: "test.example.com not resolve to your Load Balancer IP 51.159.74.251",
          reason: "constraint",
        },
      ],
      message: "Invalid parameters",
      type: "invalid_field",
    });
    expect(error.kind).toBe("invalid_arguments");
    expect(error.details).toEqual([
      {
        argument: "dns_name",
        reason: "constraint",
        message: "test.example.com not resolve to your Load Balancer IP 51.159.74.251",
      },
    ]);
    expect(error.message).toContain("dns_name: constraint, test.example.com not resolve");
    expect(error.message).toContain("getLb: GET /lb/v1/zones/fr-par-1/lbs/x -> 400 invalid_field");
  });

  it("invalid_arguments lists each argument", () => {
    const error = map(400, {
      type: "invalid_arguments",
      message: "invalid argument(s)",
      details: [
        { argument_name: "health_check.port", reason: "required", help_message: "must be set" },
        { argument_name: "name", reason: "constraint", help_message: "must not be empty" },
      ],
    });
    expect(error.kind).toBe("invalid_arguments");
    expect(error.details.map((d) => d.argument)).toEqual(["health_check.port", "name"]);
    expect(error.message).toContain("health_check.port: required, must be set");
    expect(error.message).toContain("name: constraint, must not be empty");
  });

  it.each([
    [
      401,
      {
        message: "authentication is denied",
        method: "api_key",
        reason: "not_found",
        type: "denied_authentication",
      },
      "authentication",
    ],
    [
      403,
      {
        type: "permissions_denied",
        message: "insufficient permissions",
        details: [{ action: "read", resource: "lbs" }],
      },
      "permission",
    ],
    [
      403,
      {
        type: "quotas_exceeded",
        message: "quota(s) exceeded for this resource",
        details: [{ resource: "lbs", quota: 2, current: 2 }],
      },
      "quota",
    ],
    [
      409,
      {
        type: "transient_state",
        message: "resource is in a transient state",
        resource: "lb",
        resource_id: "x",
        current_state: "creating",
      },
      "conflict",
    ],
    [
      412,
      {
        type: "precondition_failed",
        message: "precondition is not respected",
        precondition: "resource_still_in_use",
      },
      "conflict",
    ],
    [409, { type: "conflict", message: "conflict" }, "conflict"],
    [423, { type: "locked", message: "resource is locked", resource: "lb" }, "conflict"],
    [
      429,
      { type: "too_many_requests", message: "too many requests", help_message: "slow down" },
      "rate_limited",
    ],
    [503, { type: "out_of_stock", message: "resource is out of stock", resource: "lb-gp-xl" }, "quota"],
    [
      404,
      { type: "not_found", message: "resource is not found", resource: "lb", resource_id: "x" },
      "not_found",
    ],
    [500, { message: "internal error" }, "server"],
    [502, "<html>Bad Gateway</html>", "server"],
    [418, { type: "something_new", message: "teapot" }, "invalid_arguments"],
  ] as const)("%d %j -> %s", (status, body, kind) => {
    const error = map(status, body);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.requestId).toBe("req-1");
  });

  it("keeps the transient state facts", () => {
    const error = map(409, {
      type: "transient_state",
      message: "resource is in a transient state",
      resource: "lb",
      resource_id: "x",
      current_state: "creating",
    });
    expect(error).toMatchObject({ resource: "lb", resourceId: "x", currentState: "creating" });
    expect(error.message).toContain("current state creating");
  });

  it("quota details read as text", () => {
    const error = map(403, {
      type: "quotas_exceeded",
      message: "quota(s) exceeded for this resource",
      details: [{ resource: "lbs", quota: 2, current: 2 }],
    });
    expect(error.message).toContain("lbs: quota 2, current 2");
  });

  it("a non-JSON body becomes the message, trimmed", () => {
    expect(map(502, "  Bad Gateway  ").apiMessage).toBe("Bad Gateway");
  });

  it("redacts a secret echoed by the API", () => {
    const error = map(401, { type: "denied_authentication", message: `token ${SECRET} is unknown` });
    expect(error.message).not.toContain(SECRET);
    expect(error.apiMessage).not.toContain(SECRET);
  });

  it.each([
    [400, "invalid_arguments"],
    [401, "authentication"],
    [403, "permission"],
    [404, "not_found"],
    [410, "not_found"],
    [409, "conflict"],
    [412, "conflict"],
    [429, "rate_limited"],
    [500, "server"],
    [504, "server"],
  ] as const)("status %d alone -> %s", (status, kind) => {
    expect(kindForStatus(status)).toBe(kind);
  });
});

describe("brand", () => {
  it("recognizes client errors without instanceof, including from another module copy", () => {
    const error = new ScalewayError({ kind: "timeout", message: "x" });
    expect(isScalewayError(error)).toBe(true);
    const foreign = Object.assign(new Error("copy"), {
      [Symbol.for("pulumi-scaleway-lb/ScalewayError")]: true,
      kind: "not_found",
    });
    expect(isScalewayError(foreign)).toBe(true);
    expect(isScalewayError(new Error("plain"))).toBe(false);
    expect(isScalewayError({ kind: "not_found" })).toBe(false);
    expect(isScalewayError(null)).toBe(false);
    expect(isScalewayError("not_found")).toBe(false);
  });
});
