import type { PublicClient } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { UnknownListingError } from './errors'
import { type ListedListing, readListings } from './readListings'

/** A listing as announced, with its state now: current price, whether it sells, its counters. */
export type ListingState = ListedListing & {
  currentPrice: bigint
  active: boolean
  stats: { sold: number; delivered: number; refunded: number; disputed: number }
}

/** Parameters of {@link readListing}. */
export type ReadListingParameters = { deployment: Deployment; contentId: bigint }

/**
 * One listing: its `Listed` event (metadata, block, transaction) and its stored state and counters.
 * @throws UnknownListingError when the contract has no such listing.
 */
export async function readListing(
  client: PublicClient,
  { deployment, contentId }: ReadListingParameters,
): Promise<ListingState> {
  const [listed] = await readListings(client, { deployment, contentId })
  if (!listed) throw new UnknownListingError(contentId)
  const [stored, stats] = await Promise.all([
    client.readContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'listings',
      args: [contentId],
    }),
    client.readContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'listingStats',
      args: [contentId],
    }),
  ])
  const [, sold, delivered, refunded, disputed] = stats
  return {
    ...listed,
    currentPrice: stored.price,
    active: stored.active,
    stats: { sold, delivered, refunded, disputed },
  }
}
