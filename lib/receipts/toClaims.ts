import type { HeldReceipt } from './types'

/** Held receipts as `claimMany`'s `Claim[]` argument. */
export function toClaims(receipts: readonly HeldReceipt[]) {
  return receipts.map((r) => ({
    purchaseId: BigInt(r.purchaseId),
    seeder: r.seeder,
    bytes_: BigInt(r.bytes),
    sig: r.signature,
  }))
}
