/** Route: sends a frontend's matching traffic to another backend. */
import { defineResource } from "../../core/infer";
import { importIdInput, parentIdInput, timestampOutputs, zoneInput } from "../common";

const matchValue = (description: string) =>
  ({
    type: "string",
    minLength: 1,
    // emulator/handlers/routes.ts: `sni`, `host_header`, `path_begin` ≤ 255 characters.
    maxLength: 255,
    pattern: { regex: /^\S+$/, description: "no white space" },
    description,
  }) as const;

export const routeDefinition = defineResource({
  kind: "Route",
  description:
    "A route: traffic of a frontend that matches a host header, a path prefix (HTTP) or an SNI (TCP) goes to the route's backend instead of the frontend's.",
  parent: "frontendId",
  inputs: {
    frontendId: parentIdInput("frontend"),
    zone: zoneInput,
    backendId: {
      type: "string",
      format: "id",
      required: true,
      policy: { update: "route" },
      description: "The backend matching traffic goes to (`backend.id`). Changed in place.",
    },
    match: {
      type: "object",
      required: true,
      policy: { update: "route" },
      exactlyOne: ["hostHeader", "pathBegin", "sni"],
      description: "What the route matches: exactly one of `hostHeader`, `pathBegin` or `sni`.",
      properties: {
        hostHeader: matchValue("HTTP Host header to match (HTTP frontends)."),
        pathBegin: matchValue("Path prefix to match, e.g. `/api` (HTTP frontends)."),
        sni: matchValue("TLS SNI to match (TCP frontends with TLS passthrough)."),
        matchSubdomains: {
          type: "boolean",
          default: false,
          description: "Also match subdomains of `hostHeader` or `sni`. Default: false.",
        },
      },
    },
    importId: importIdInput,
  },
  outputs: {
    ...timestampOutputs,
  },
});
