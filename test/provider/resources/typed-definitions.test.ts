/**
 * Typed definitions (issue 19): the types operations receive are inferred from the property
 * tables, so a misspelt field, enum value or update endpoint fails the typecheck (`npm run
 * typecheck` compiles this file: each `@ts-expect-error` must stay an error). The runtime half
 * checks that enum inputs take their values from the client's lists.
 */
import {
  ACL_ACTION_TYPES,
  ACL_HTTP_FILTERS,
  FORWARD_PORT_ALGORITHMS,
  PROTOCOLS,
  PROXY_PROTOCOLS,
  SSL_COMPATIBILITY_LEVELS,
} from "../../../provider/client";
import type { Endpoint, Infer } from "../../../provider/core/infer";
import type { StringProp } from "../../../provider/core/property";
import { aclDefinition } from "../../../provider/resources/acl/definition";
import { backendDefinition } from "../../../provider/resources/backend/definition";
import { loadBalancerDefinition } from "../../../provider/resources/load-balancer/definition";

type Backend = typeof backendDefinition;
type BackendInputs = Infer<Backend>;

describe("types inferred from a definition", () => {
  it("names the update endpoints its policies declare, and no other", () => {
    const endpoints: readonly Endpoint<Backend>[] = ["backend", "healthCheck", "servers"];
    // @ts-expect-error a misspelt endpoint does not compile
    const misspelt = endpoints.includes("helthCheck");
    expect(misspelt).toBe(false);
    const lb: readonly Endpoint<typeof loadBalancerDefinition>[] = ["lb", "migrate", "ips"];
    expect(lb).toHaveLength(3);
  });

  it("types enum inputs as unions of their values, and nested objects member by member", () => {
    const inputs: BackendInputs = {
      zone: "fr-par-1",
      name: "web",
      lbId: "fr-par-1/00000000-0000-4000-8000-000000000001",
      forwardPort: 80,
      forwardProtocol: "http",
      forwardPortAlgorithm: "leastconn",
      stickySessions: "none",
      stickySessionsCookieName: "",
      serverIps: [],
      healthCheck: {
        checkDelay: 3000,
        checkTimeout: 1000,
        checkMaxRetries: 2,
        checkSendProxy: false,
        transientCheckDelay: 500,
        httpConfig: { uri: "/", method: "GET", hostHeader: "" },
      },
      timeoutServer: 300_000,
      timeoutConnect: 5000,
      timeoutTunnel: 900_000,
      onMarkedDownAction: "on_marked_down_action_none",
      proxyProtocol: "proxy_protocol_none",
      sslBridging: false,
      ignoreSslServerVerify: false,
      maxRetries: 3,
      host: "",
    };
    // @ts-expect-error not one of the algorithms
    const random: BackendInputs["forwardPortAlgorithm"] = "random";
    // @ts-expect-error the API's placeholder is not an input value
    const unknownProxy: BackendInputs["proxyProtocol"] = "proxy_protocol_unknown";
    // Optional fields (no default, not required) may be left out; required ones may not.
    const withoutQueue: BackendInputs["timeoutQueue"] = undefined;
    // @ts-expect-error forwardPort is required
    const withoutPort: BackendInputs = { ...inputs, forwardPort: undefined };
    // @ts-expect-error no such field
    const typo = inputs.forwardPrt;
    expect([random, unknownProxy, withoutQueue, withoutPort.forwardPort, typo]).toEqual([
      "random",
      "proxy_protocol_unknown",
      undefined,
      undefined,
      undefined,
    ]);
    expect(inputs.healthCheck.httpConfig?.code).toBeUndefined();
  });
});

describe("enum inputs take their values from the client's lists", () => {
  const values = (prop: unknown) => (prop as StringProp).enum;
  it.each([
    ["Backend forwardProtocol", values(backendDefinition.inputs.forwardProtocol), PROTOCOLS],
    [
      "Backend forwardPortAlgorithm",
      values(backendDefinition.inputs.forwardPortAlgorithm),
      FORWARD_PORT_ALGORITHMS,
    ],
    [
      "Backend proxyProtocol",
      values(backendDefinition.inputs.proxyProtocol),
      PROXY_PROTOCOLS.filter((p) => p !== "proxy_protocol_unknown"),
    ],
    [
      "LoadBalancer sslCompatibilityLevel",
      values(loadBalancerDefinition.inputs.sslCompatibilityLevel),
      SSL_COMPATIBILITY_LEVELS.filter((l) => l !== "ssl_compatibility_level_unknown"),
    ],
    ["Acl action.type", values(aclDefinition.inputs.action.properties.type), ACL_ACTION_TYPES],
    ["Acl match.httpFilter", values(aclDefinition.inputs.match.properties.httpFilter), ACL_HTTP_FILTERS],
  ])("%s", (_name, declared, client) => {
    expect(declared).toEqual(client);
  });
});
