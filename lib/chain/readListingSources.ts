import { type PublicClient, getAbiItem } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import type { ListedListing } from './readListings'
import { scanLogs } from './scanLogs'
import { type ListingSources, listingSourcesOf } from './listingSourcesOf'

export type { ListingSources } from './listingSourcesOf'

/** Parameters of {@link readListingSources}. */
export type ReadListingSourcesParameters = { deployment: Deployment; listings: readonly ListedListing[] }

const sourcesEvent = getAbiItem({ abi: keyswarmAbi, name: 'SourcesChanged' })

/**
 * The sources in effect for each listing, in the order given: its latest `SourcesChanged` event
 * (the creator's update from /library), else the trackers and web seeds it was listed with. The
 * contract does not store them, so they are read from its events: every `SourcesChanged` of the
 * contract (rare, and cached once for every reader) from the oldest listing's block on.
 */
export async function readListingSources(
  client: PublicClient,
  { deployment, listings }: ReadListingSourcesParameters,
): Promise<ListingSources[]> {
  if (listings.length === 0) return []
  const { logs } = await scanLogs(client, {
    address: deployment.keyswarm,
    event: sourcesEvent,
    fromBlock: BigInt(deployment.deployBlock),
  })
  // Logs come in chain order, so the last one of a listing is the sources in effect.
  const wanted = new Set(listings.map((l) => l.contentId))
  const latest = new Map<bigint, (typeof logs)[number]>()
  for (const log of logs) if (wanted.has(log.args.contentId!)) latest.set(log.args.contentId!, log)
  return listings.map((listing) => {
    const changed = latest.get(listing.contentId)
    return listingSourcesOf(
      listing,
      changed && { trackers: changed.args.trackers!, webSeeds: changed.args.webSeeds!, blockNumber: changed.blockNumber },
    )
  })
}
