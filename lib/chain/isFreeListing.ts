import type { Hex } from 'viem'

/**
 * Whether a listing is free: listed with keyHash 0, its files seeded unencrypted, nothing to buy.
 * @example
 * isFreeListing({ keyHash: zeroHash }) // true
 */
export function isFreeListing(listing: { keyHash: Hex }): boolean {
  return /^0x0*$/.test(listing.keyHash)
}
