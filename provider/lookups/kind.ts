/**
 * One row of the lookup table (kinds.ts): what the generic lookups need to know about a kind of
 * object — its resource (definition and props mapper), its words, the client's GET and list calls,
 * where it lives (a project, or a parent object) and which lookups it offers. Names, arguments,
 * result fields and descriptions are derived from it (find-one.ts, find-all.ts).
 */
import type { LbClient } from "../client";
import type { Prop, ResourceDefinition } from "../core/property";
import type { Props } from "../resources/operations";
import { byId } from "./match";
import type { Query } from "./query";
import type { LookupContext } from "./spec";

/** What every object the API returns has. */
export interface Found {
  readonly id: string;
}

/** What a row's list call gets: the zone, the filters given, and the parent or project searched. */
export interface ListRequest {
  readonly zone: string;
  /** The parent's bare UUID (children); absent only where the parent is optional. */
  readonly parentId: string | undefined;
  /** The project searched (top-level objects): given, else the configured one, else every project. */
  readonly projectId: string | undefined;
  readonly pageSize: number | undefined;
  /** A string argument given (a filter, or the search key of a singular lookup). */
  str(name: string): string | undefined;
  strs(name: string): string[] | undefined;
}

/** The object a child hangs off (a backend's load balancer, an ACL's frontend). */
export interface Parent<T> {
  /** e.g. `lbId`. */
  readonly arg: string;
  /** e.g. `load balancer`. */
  readonly noun: string;
  /** The parent's bare UUID. */
  readonly idOf: (item: T) => string;
  /**
   * The project the object belongs to, for the `projectId` filter: from the object itself, or,
   * when it does not say (routes), from a GET of its parent.
   */
  readonly projectOf:
    | { readonly item: (item: T) => string }
    | { readonly parent: (api: LbClient, zone: string, parentId: string) => Promise<string> };
}

/** Top-level objects belong to a project; the others are found through their parent. */
export type Place<T> = { readonly project: (item: T) => string } | { readonly parent: Parent<T> };

/** What a singular lookup searches by besides the id (e.g. an exact name). */
export interface SearchKey<T> {
  readonly arg: string;
  /** How the description says it: `exact name`, `address`. */
  readonly phrase: string;
  /** The argument; absent for `name`, whose spec is derived (`exactNameArg`). */
  readonly spec?: Prop;
  readonly valueOf: (item: T) => string;
}

/** A filter of a plural lookup: an argument, passed on by the row's list call and/or kept client-side. */
export interface ListFilter<T> {
  readonly arg: string;
  /** `name`, `family`: in the description ("filtered by …") and the echo ("The … filter"). */
  readonly label: string;
  /** Said after the label in the description only, e.g. ` (IPv4/IPv6)`. */
  readonly detail?: string;
  /** The argument's spec, given the plural noun (`backends`). */
  readonly spec: (nouns: string) => Prop;
  /** What the API does not filter itself; absent when the list call's filter suffices. */
  readonly keep?: (item: T, query: Query) => boolean;
}

export interface LookupKind<T extends Found> {
  readonly definition: ResourceDefinition;
  /** The resource's mapper to its state properties (provider/resources/<kind>/operations.ts). */
  readonly props: (zone: string, item: T) => Props;
  /** e.g. `flexible IP`, in descriptions and errors. */
  readonly noun: string;
  /** A shorter noun where the kind is already clear, e.g. `IP`. @default noun */
  readonly short?: string;
  /** The id argument, e.g. `ipId`; its stem names the list field (`ips`) and item type (`GetIpsIp`). */
  readonly idArg: string;
  readonly get: (api: LbClient, zone: string, id: string) => Promise<T>;
  /** Every object the filters given select, all pages read. */
  readonly list: (api: LbClient, request: ListRequest) => Promise<T[]>;
  readonly place: Place<T>;
  /** The singular lookup `get<Kind>`: by id, or (with `by`) by a search key. */
  readonly one?: {
    readonly by?: SearchKey<T>;
    /** Said in the description after "outputs them", e.g. ` (never an uploaded private key)`. */
    readonly resultNote?: string;
    /** Said at the end of the description's last sentence. */
    readonly endNote?: string;
  };
  /** The plural lookup `get<Kind>s`: every match of the filters. */
  readonly all?: {
    readonly filters: readonly ListFilter<T>[];
    /** The API's order, e.g. `by address`. @default "oldest first" */
    readonly order?: string;
    /** Children only: the parent may be left out (every object of the zone); its argument's text. */
    readonly optionalParent?: string;
  };
}

/** `a backend`, `an ACL`. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What the row's list call returns for a query: under the parent given (children; the parent's 404
 * is a "not found" naming it), or in the project searched (top-level objects).
 */
export async function listFor<T extends Found>(
  kind: LookupKind<T>,
  ctx: LookupContext,
  q: Query,
): Promise<T[]> {
  const place = kind.place;
  const request: ListRequest = {
    zone: q.zone,
    parentId: "parent" in place ? q.uuid(place.parent.arg) : undefined,
    projectId: "project" in place ? q.projectId : undefined,
    pageSize: ctx.pageSize,
    str: q.str,
    strs: q.strs,
  };
  if ("project" in place) return kind.list(ctx.api, request);
  return byId(q, place.parent.noun, () => kind.list(ctx.api, request));
}
