/**
 * The shop tree (scripts/examples/shop-tree.ts) on an emulator, created through the provider
 * runtime (configureRuntime first), with its uploaded certificate and an attachment to a private
 * network made in the emulator's VPC API: the tests cover custom chains and attachments.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createShopTree, type ShopIds } from "../../../scripts/examples/shop-tree";
import { create } from "../../support/runtime-harness";

export type { ShopIds };

export const LEGACY_CHAIN = readFileSync(join(__dirname, "..", "fixtures", "legacy-chain.pem"), "utf8");

export function createShop(privateNetworkId: string, name = "acme-shop"): Promise<ShopIds> {
  return createShopTree(async (kind, args) => (await create(kind, args)).id, {
    name,
    uploadedChain: LEGACY_CHAIN,
    privateNetworkId,
  });
}

/** The bare UUID of a zoned id. */
export function bare(zoned: string): string {
  return zoned.slice(zoned.indexOf("/") + 1);
}
