import type { Address, Hex } from 'viem'

/**
 * A seeding receipt this device holds: the best (most bytes) one per purchase and seeder.
 * Numbers that may exceed 2^53 are decimal strings (IndexedDB has no bigint).
 */
export type HeldReceipt = {
  chainId: number
  purchaseId: string
  seeder: Address
  /** Cumulative bytes the buyer acknowledged. */
  bytes: string
  signature: Hex
  /** The listing bought, and its torrent (checked against the chain when the receipt arrived). */
  contentId: string
  infoHash: string
  /** Milliseconds since the epoch when this receipt (or the best before it) arrived. */
  receivedAt: number
  /**
   * What claims sent from this device credited for this purchase and seeder so far (wei or token
   * units), from their `Claimed` events: the contract keeps only each seeder's latest claim.
   */
  claimed?: string
}
