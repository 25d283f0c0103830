/** Acl: an access rule of a frontend — allow, deny or redirect matching requests. */
// A value from its own module, not the client's index: the index loads the HTTP client, which
// runtime.ts loads only when an API call is due (check, diff and previews never need it).
import { ACL_ACTION_TYPES, ACL_HTTP_FILTERS, ACL_REDIRECT_TYPES } from "../../client/schemas/acl";
import { defineResource } from "../../core/infer";
import type { CheckFailure } from "../../core/property";
import { isUnknown } from "../../core/unknown";
import { importIdInput, nameInput, parentIdInput, timestampOutputs, zoneInput } from "../common";

export const aclDefinition = defineResource({
  kind: "Acl",
  description:
    "An ACL of a frontend: requests matching `match` get `action`. ACLs are evaluated by ascending `index`; the first match wins.",
  autoName: true,
  parent: "frontendId",
  inputs: {
    frontendId: { ...parentIdInput("frontend"), api: { from: "frontend.id" } },
    zone: zoneInput,
    name: nameInput("ACL", "acl"),
    description: {
      type: "string",
      // emulator/handlers/acls.ts: `description` ≤ 1024 characters.
      maxLength: 1024,
      default: "",
      policy: { update: "acl" },
      description: "Free-form description. Default: empty.",
    },
    index: {
      type: "integer",
      minimum: 0,
      maximum: 2_147_483_647,
      required: true,
      policy: { update: "acl" },
      description: "Evaluation order among the frontend's ACLs, ascending from 0.",
    },
    action: {
      type: "object",
      required: true,
      policy: { update: "acl" },
      description: "What happens to matching requests.",
      properties: {
        type: {
          type: "string",
          enum: ACL_ACTION_TYPES,
          default: "allow",
          description: "`allow`, `deny` or `redirect` (needs `redirect`). Default: `allow`.",
        },
        redirect: {
          type: "object",
          // A PUT without a redirect says so with null.
          api: { write: (v) => v ?? null },
          description: "Where `redirect` sends the client.",
          properties: {
            type: {
              type: "string",
              enum: ACL_REDIRECT_TYPES,
              default: "location",
              description:
                "`location` (to the URL in `target`) or `scheme` (same URL, scheme `target`). Default: `location`.",
            },
            target: {
              type: "string",
              required: true,
              minLength: 1,
              // emulator/handlers/acls.ts: `redirect.target` ≤ 1024 characters.
              maxLength: 1024,
              description:
                "A URL for `location` (placeholders `{{host}}`, `{{path}}`, `{{query}}`, `{{scheme}}` allowed) or a scheme such as `https` for `scheme`.",
            },
            code: {
              type: "integer",
              enum: [301, 302, 303, 307, 308],
              default: 302,
              description: "HTTP redirect status: 301, 302, 303, 307 or 308. Default: 302.",
            },
          },
        },
      },
    },
    match: {
      type: "object",
      default: {},
      api: { read: (v) => v ?? null },
      policy: { update: "acl" },
      description: "Which requests the ACL applies to. Default: every client (`0.0.0.0/0`).",
      properties: {
        ipSubnet: {
          type: "array",
          items: { type: "string", format: "cidr", description: "An address or CIDR subnet." },
          // emulator/handlers/acls.ts: `ip_subnet` ≤ 100 items.
          maxItems: 100,
          unordered: true,
          default: ["0.0.0.0/0"],
          description:
            'Client addresses or CIDR subnets (IPv4/IPv6) to match. A set. Default: `["0.0.0.0/0"]`.',
        },
        ipsEdgeServices: {
          type: "boolean",
          default: false,
          description: "Match only requests coming from Scaleway Edge Services. Default: false.",
        },
        httpFilter: {
          type: "string",
          enum: ACL_HTTP_FILTERS,
          default: "acl_http_filter_none",
          description:
            "HTTP-level filter (HTTP backends only): `acl_http_filter_none`, `path_begin`, `path_end`, `regex` or `http_header_match`. Default: none.",
        },
        httpFilterValue: {
          type: "array",
          items: { type: "string", minLength: 1, description: "A value." },
          // emulator/handlers/acls.ts: `http_filter_value` ≤ 100 items.
          maxItems: 100,
          default: [],
          description: "Values the filter compares against. Default: none.",
        },
        httpFilterOption: {
          type: "string",
          lowercase: true,
          minLength: 1,
          // emulator/handlers/acls.ts: `http_filter_option` ≤ 255 characters.
          maxLength: 255,
          description:
            "Header name for `http_header_match` (case-insensitive; stored lower-case as the API does).",
        },
        invert: {
          type: "boolean",
          default: false,
          description: "Apply the action to requests that do NOT match. Default: false.",
        },
      },
    },
    importId: importIdInput,
  },
  outputs: {
    ...timestampOutputs,
  },
  validate: (inputs) => {
    const failures: CheckFailure[] = [];
    const action = inputs.action;
    if (action && typeof action === "object" && !Array.isArray(action)) {
      const hasRedirect = action.redirect !== undefined && action.redirect !== null;
      if (action.type === "redirect" && !hasRedirect) {
        failures.push({ property: "action.redirect", reason: 'is required when action.type is "redirect"' });
      }
      if (
        action.type !== "redirect" &&
        hasRedirect &&
        typeof action.type === "string" &&
        !isUnknown(action.type)
      ) {
        failures.push({
          property: "action.redirect",
          reason: `is only allowed when action.type is "redirect" (got "${action.type}")`,
        });
      }
    }
    const match = inputs.match;
    if (match && typeof match === "object" && !Array.isArray(match)) {
      const filter = match.httpFilter;
      const values = match.httpFilterValue;
      if (
        typeof filter === "string" &&
        !isUnknown(filter) &&
        filter !== "acl_http_filter_none" &&
        Array.isArray(values) &&
        values.length === 0
      ) {
        failures.push({
          property: "match.httpFilterValue",
          reason: `needs at least one value for httpFilter "${filter}"`,
        });
      }
      if (
        filter === "http_header_match" &&
        (match.httpFilterOption === undefined || match.httpFilterOption === null)
      ) {
        failures.push({
          property: "match.httpFilterOption",
          reason: 'is required for httpFilter "http_header_match": the header name',
        });
      }
    }
    return failures;
  },
});
