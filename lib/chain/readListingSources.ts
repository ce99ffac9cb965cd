import { type PublicClient, getAbiItem } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import type { ListedListing } from './readListings'

/** The trackers and web seeds a listing uses now. */
export type ListingSources = {
  trackers: readonly string[]
  webSeeds: readonly string[]
  /** Block of the `SourcesChanged` event they come from; undefined when they are still the `Listed` ones. */
  changedAt?: bigint
}

/** Parameters of {@link readListingSources}. */
export type ReadListingSourcesParameters = { deployment: Deployment; listings: readonly ListedListing[] }

const sourcesEvent = getAbiItem({ abi: keyswarmAbi, name: 'SourcesChanged' })

/**
 * The sources in effect for each listing, in the order given: its latest `SourcesChanged` event
 * (the creator's update from /library), else the trackers and web seeds it was listed with. The
 * contract does not store them, so they are read from its events, in one query for all listings.
 */
export async function readListingSources(
  client: PublicClient,
  { deployment, listings }: ReadListingSourcesParameters,
): Promise<ListingSources[]> {
  if (listings.length === 0) return []
  const logs = await client.getLogs({
    address: deployment.keyswarm,
    event: sourcesEvent,
    args: { contentId: listings.map((l) => l.contentId) },
    fromBlock: BigInt(deployment.deployBlock),
    toBlock: 'latest',
  })
  // Logs come in chain order, so the last one of a listing is the sources in effect.
  const latest = new Map<bigint, (typeof logs)[number]>()
  for (const log of logs) latest.set(log.args.contentId!, log)
  return listings.map((listing) => {
    const changed = latest.get(listing.contentId)
    return changed
      ? { trackers: changed.args.trackers!, webSeeds: changed.args.webSeeds!, changedAt: changed.blockNumber }
      : { trackers: listing.trackers, webSeeds: listing.webSeeds }
  })
}
