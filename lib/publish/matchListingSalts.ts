import type { Hex } from 'viem'
import { contentKey, deliveryKey, keyHash } from '@/lib/crypto'
import { isFreeListing } from '@/lib/chain/isFreeListing'
import type { ListedListing } from '@/lib/chain/readListings'
import { listingSalt } from './listingSalt'

/** Parameters of {@link matchListingSalts}. */
export type MatchListingSaltsParameters = {
  /** The account secret `m` of the listings' creator. */
  accountSecret: Hex
  /** The creator's listings, as their `Listed` events announced them. */
  listings: readonly Pick<ListedListing, 'contentId' | 'infoHash' | 'keyHash' | 'delivery'>[]
  /**
   * How many indexes past the number of listings to try: indexes a device picked and then did
   * not list (a rejected transaction) leave gaps.
   */
  lookahead?: number
}

/** A listing whose salt derives from the account secret, with the secrets it gives back. */
export type MatchedListing = {
  contentId: bigint
  infoHash: string
  index: number
  salt: Hex
  key: Hex
  deliverySecret: Hex
}

/**
 * Finds which deterministic salt index each paid listing was made with: tries indexes 0, 1, 2, ...
 * and keeps a listing when both its `keyHash` and its delivery public key `C` match. Free
 * listings and listings made with a random salt (before deterministic salts) match nothing.
 */
export function matchListingSalts({
  accountSecret,
  listings,
  lookahead = 64,
}: MatchListingSaltsParameters): MatchedListing[] {
  const byKeyHash = new Map<string, (typeof listings)[number][]>()
  for (const listing of listings) {
    if (isFreeListing(listing)) continue
    const hash = listing.keyHash.toLowerCase()
    byKeyHash.set(hash, [...(byKeyHash.get(hash) ?? []), listing])
  }
  const matched: MatchedListing[] = []
  const end = byKeyHash.size + lookahead
  for (let index = 0; index < end && byKeyHash.size > 0; index++) {
    const salt = listingSalt({ accountSecret, index })
    const key = contentKey({ accountSecret, salt })
    const candidates = byKeyHash.get(keyHash(key))
    if (!candidates) continue
    // keyHash alone could be copied by anyone; C proves the creator holds c for this salt too.
    const delivery = deliveryKey({ accountSecret, salt })
    for (const listing of candidates) {
      if (listing.delivery.x !== delivery.publicKey.x || listing.delivery.y !== delivery.publicKey.y) continue
      matched.push({
        contentId: listing.contentId,
        infoHash: listing.infoHash,
        index,
        salt,
        key,
        deliverySecret: delivery.secret,
      })
    }
    byKeyHash.delete(keyHash(key))
  }
  return matched
}
