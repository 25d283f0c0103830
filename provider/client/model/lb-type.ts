import type { PageRequest, ZonedRequest } from "./common";

export const LB_TYPE_STOCKS = ["unknown", "low_stock", "out_of_stock", "available"] as const;
export type LbTypeStock = (typeof LB_TYPE_STOCKS)[number];

/** An LB offer. */
export interface LbType {
  /** e.g. `LB-S`. */
  name: string;
  stockStatus: LbTypeStock;
  /** Maximum bandwidth (unit undocumented; bits per second assumed). */
  bandwidth: number;
  multicloud: boolean;
  description: string;
  region: string;
  zone: string;
}

export interface ListLbTypesRequest extends ZonedRequest, PageRequest {}

export interface ListLbTypesResponse {
  lbTypes: LbType[];
  totalCount: number;
}
