/** LB offer wire schemas. */
import { z } from "zod";
import { LB_TYPE_STOCKS, type LbType, type ListLbTypesResponse } from "../model/lb-type";
import { flag, list, openEnum, text } from "./common";

export const LbTypeWire = z
  .looseObject({
    name: z.string(),
    stock_status: openEnum(LB_TYPE_STOCKS, "unknown"),
    bandwidth: z.number().nullish(),
    multicloud: flag(),
    description: text(),
    region: text(),
    zone: text(),
  })
  .transform(
    (w): LbType => ({
      name: w.name,
      stockStatus: w.stock_status,
      bandwidth: w.bandwidth ?? 0,
      multicloud: w.multicloud,
      description: w.description,
      region: w.region,
      zone: w.zone,
    }),
  );

export const ListLbTypesResponseWire = z
  .looseObject({ lb_types: list(LbTypeWire), total_count: z.number() })
  .transform((w): ListLbTypesResponse => ({ lbTypes: w.lb_types, totalCount: w.total_count }));
