/**
 * What the regional VPC v2 and IPAM handlers share: the `{region}` path parameter and their
 * not-found answer, which (unlike the LB API's bare 404s) names the resource and its id (recorded).
 */
import type { RequestContext } from "../context";
import { ApiError, invalidArgument } from "../errors";
import { ZONES } from "../zones";

const REGIONS: readonly string[] = [...new Set(ZONES.map((z) => z.replace(/-\d+$/, "")))];

/** The `{region}` of a regional path, validated against the regions of the served zones. */
export function regionParam(ctx: RequestContext): string {
  const region = ctx.params.region ?? "";
  if (!REGIONS.includes(region)) {
    throw invalidArgument(
      "region",
      "constraint",
      `unknown region "${region}" (one of ${REGIONS.join(", ")})`,
    );
  }
  return region;
}

export type RegionalResource = "vpc" | "private_network" | "ip";

/** `{"message":"resource is not found","resource":"private_network","resource_id":…,"type":"not_found"}`. */
export function resourceNotFound(resource: RegionalResource, id: string): ApiError {
  return new ApiError(404, {
    message: "resource is not found",
    resource,
    resource_id: id,
    type: "not_found",
  });
}

export function idParam(ctx: RequestContext, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`emulator bug: route has no :${name}`);
  return value;
}
