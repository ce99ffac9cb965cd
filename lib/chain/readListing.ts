import type { PublicClient } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { UnknownListingError } from './errors'
import { readMany } from './readMany'
import { type ListingSources, readListingSources } from './readListingSources'
import { type ListedListing, readListings } from './readListings'

/** A listing as announced, with its state now: current price, whether it sells, its counters, its sources. */
export type ListingState = ListedListing & {
  currentPrice: bigint
  active: boolean
  /** The contract's counters (`listingStats`); `delivered` there counts only deliveries that became final. */
  stats: { sold: number; delivered: number; refunded: number; disputed: number }
  /**
   * The trackers and web seeds in effect: the latest `SourcesChanged`, else the `Listed` ones
   * (`trackers` and `webSeeds` beside it are what it was listed with). Peers use these.
   */
  sources: ListingSources
}

/** Parameters of {@link readListing}. */
export type ReadListingParameters = { deployment: Deployment; contentId: bigint }

/**
 * One listing: its `Listed` event (metadata, block, transaction), its stored state and counters,
 * and the trackers and web seeds in effect.
 * @throws UnknownListingError when the contract has no such listing.
 */
export async function readListing(
  client: PublicClient,
  { deployment, contentId }: ReadListingParameters,
): Promise<ListingState> {
  const [listed] = await readListings(client, { deployment, contentId })
  if (!listed) throw new UnknownListingError(contentId)
  const keyswarm = { address: deployment.keyswarm, abi: keyswarmAbi } as const
  const [[stored, stats], [sources]] = await Promise.all([
    readMany(client, [
      { ...keyswarm, functionName: 'listings', args: [contentId] },
      { ...keyswarm, functionName: 'listingStats', args: [contentId] },
    ] as const),
    readListingSources(client, { deployment, listings: [listed] }),
  ])
  const [, sold, delivered, refunded, disputed] = stats
  return {
    ...listed,
    currentPrice: stored.price,
    active: stored.active,
    stats: { sold, delivered, refunded, disputed },
    sources: sources!,
  }
}
