/** ACL wire schemas and marshalling. */
import { z } from "zod";
import { type JsonObject, jsonObject } from "../json";
import {
  ACL_ACTION_TYPES,
  ACL_HTTP_FILTERS,
  ACL_REDIRECT_TYPES,
  type Acl,
  type AclAction,
  type AclMatch,
  type AclSpec,
  type ListAclResponse,
  type SetAclsResponse,
} from "../model/acl";
import { flag, list, nullable, text, timestamp } from "./common";
import { FrontendWire } from "./frontend";

export const AclMatchWire = z
  .looseObject({
    ip_subnet: list(z.string()),
    ips_edge_services: flag(),
    http_filter: z.enum(ACL_HTTP_FILTERS).nullish(),
    http_filter_value: list(z.string()),
    http_filter_option: nullable(z.string()),
    invert: flag(),
  })
  .transform(
    (w): AclMatch => ({
      ipSubnet: w.ip_subnet,
      ipsEdgeServices: w.ips_edge_services,
      httpFilter: w.http_filter ?? "acl_http_filter_none",
      httpFilterValue: w.http_filter_value,
      httpFilterOption: w.http_filter_option,
      invert: w.invert,
    }),
  );

export const AclActionWire = z
  .looseObject({
    type: z.enum(ACL_ACTION_TYPES),
    redirect: nullable(
      z.looseObject({ type: z.enum(ACL_REDIRECT_TYPES), target: text(), code: nullable(z.number()) }),
    ),
  })
  .transform(
    (w): AclAction => ({
      type: w.type,
      redirect: w.redirect
        ? { type: w.redirect.type, target: w.redirect.target, code: w.redirect.code }
        : null,
    }),
  );

export const AclWire = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    match: nullable(AclMatchWire),
    action: AclActionWire,
    frontend: FrontendWire,
    index: z.number(),
    created_at: timestamp,
    updated_at: timestamp,
    description: text(),
  })
  .transform(
    (w): Acl => ({
      id: w.id,
      name: w.name,
      match: w.match,
      action: w.action,
      frontend: w.frontend,
      index: w.index,
      createdAt: w.created_at,
      updatedAt: w.updated_at,
      description: w.description,
    }),
  );

export const ListAclResponseWire = z
  .looseObject({ acls: list(AclWire), total_count: z.number() })
  .transform((w): ListAclResponse => ({ acls: w.acls, totalCount: w.total_count }));

export const SetAclsResponseWire = z
  .looseObject({ acls: list(AclWire), total_count: z.number().nullish() })
  .transform((w): SetAclsResponse => ({ acls: w.acls, totalCount: w.total_count ?? w.acls.length }));

export function marshalAclSpec(spec: AclSpec): JsonObject {
  const match = spec.match;
  const redirect = spec.action.redirect;
  return jsonObject({
    name: spec.name,
    action: jsonObject({
      type: spec.action.type,
      redirect:
        redirect === undefined
          ? undefined
          : redirect === null
            ? null
            : jsonObject({ type: redirect.type, target: redirect.target, code: redirect.code }),
    }),
    match:
      match === undefined || match === null
        ? match
        : jsonObject({
            ip_subnet: match.ipSubnet,
            ips_edge_services: match.ipsEdgeServices,
            http_filter: match.httpFilter,
            http_filter_value: match.httpFilterValue,
            http_filter_option: match.httpFilterOption,
            invert: match.invert,
          }),
    index: spec.index,
    description: spec.description ?? "",
  });
}
