/** `GET /lb-types` (§3.11, §4.8): the offer catalogue. No recording exists; figures from product docs. */
import { ok, type RequestContext } from "../context";
import { paginate } from "../query";
import type { JsonObject } from "../wire/json";
import { regionOf } from "../zones";

interface LbTypeSpec {
  name: string;
  bandwidth: number;
  multicloud: boolean;
  description: string;
}

const LB_TYPES: readonly LbTypeSpec[] = [
  { name: "LB-S", bandwidth: 200_000_000, multicloud: false, description: "Small load balancer, 200 Mbps" },
  {
    name: "LB-GP-M",
    bandwidth: 500_000_000,
    multicloud: true,
    description: "Medium load balancer, 500 Mbps",
  },
  { name: "LB-GP-L", bandwidth: 1_000_000_000, multicloud: true, description: "Large load balancer, 1 Gbps" },
  {
    name: "LB-GP-XL",
    bandwidth: 4_000_000_000,
    multicloud: true,
    description: "Extra large load balancer, 4 Gbps",
  },
];

/** The stored (lower-cased) form of an offer name, or `undefined` when no such offer exists. */
export function knownLbType(requested: string): string | undefined {
  const lower = requested.toLowerCase();
  return LB_TYPES.find((t) => t.name.toLowerCase() === lower)?.name.toLowerCase();
}

export function listLbTypes(ctx: RequestContext) {
  const rows: JsonObject[] = LB_TYPES.map((t) => ({
    bandwidth: t.bandwidth,
    description: t.description,
    multicloud: t.multicloud,
    name: t.name,
    region: regionOf(ctx.zone),
    stock_status: "available",
    zone: ctx.zone,
  }));
  const page = paginate(ctx.query, rows);
  return ok({ lb_types: page.items, total_count: page.totalCount });
}
