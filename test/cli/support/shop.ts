/**
 * The shop tree (scripts/examples/shop-tree.ts) on an emulator, created through the provider
 * runtime (configureRuntime first), with its uploaded certificate: the tests cover custom chains.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createShopTree, type ShopIds } from "../../../scripts/examples/shop-tree";
import { create } from "../../support/runtime-harness";

export type { ShopIds };

export const LEGACY_CHAIN = readFileSync(join(__dirname, "..", "fixtures", "legacy-chain.pem"), "utf8");

export function createShop(name = "acme-shop"): Promise<ShopIds> {
  return createShopTree(async (kind, args) => (await create(kind, args)).id, {
    name,
    uploadedChain: LEGACY_CHAIN,
  });
}

/** The bare UUID of a zoned id. */
export function bare(zoned: string): string {
  return zoned.slice(zoned.indexOf("/") + 1);
}
