import type { HeldReceipt } from './types'

/**
 * Held receipts as `claimMany`'s `Claim[]` argument, in increasing purchase id order: the
 * contract keeps one claim cursor per seeder, and a claim below it pays nothing.
 */
export function toClaims(receipts: readonly HeldReceipt[]) {
  const ordered = [...receipts].sort((a, b) => {
    const [x, y] = [BigInt(a.purchaseId), BigInt(b.purchaseId)]
    return x < y ? -1 : x > y ? 1 : 0
  })
  return ordered.map((r) => ({
    purchaseId: BigInt(r.purchaseId),
    seeder: r.seeder,
    bytes_: BigInt(r.bytes),
    sig: r.signature,
  }))
}
