/** Identifiers: lower-case UUIDv4 for everything the emulator creates (§1.3). */
import { randomUUID } from "node:crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function newId(): string {
  return randomUUID();
}

/** Any 8-4-4-4-12 hex string: ids minted by other Scaleway APIs (VPC, IPAM) need not be v4. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
