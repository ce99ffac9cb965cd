import { type Address, type PublicClient, getAbiItem } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { type PurchaseStateName, purchaseStateName } from './purchaseStateName'
import type { ListingState } from './readListing'
import { readListingSources } from './readListingSources'
import { readListings } from './readListings'

/** One sale of a creator's listing, as the creator sees it. */
export type CreatorSale = {
  purchaseId: bigint
  contentId: bigint
  buyer: Address
  /** What the buyer paid, in the listing token's smallest unit. */
  amount: bigint
  state: PurchaseStateName
  /** Whether `settle` already ran: a `settled` purchase that has not still owes the creator a transaction. */
  settledOnChain: boolean
  /** Seconds since the epoch after which the purchase is final (no dispute any more). */
  disputeDeadline: bigint
}

/** A creator's listing with everything the creator manages: state, counters, sources and sales. */
export type CreatorListing = ListingState & {
  sales: CreatorSale[]
  /** Keys: `waiting` to be delivered, `delivered` (final or in the dispute window), `missed` (expired undelivered). */
  keys: { waiting: number; delivered: number; missed: number }
}

/** Parameters of {@link readCreatorListings}. */
export type ReadCreatorListingsParameters = { deployment: Deployment; creator: Address }

const purchasedEvent = getAbiItem({ abi: keyswarmAbi, name: 'Purchased' })
const settledEvent = getAbiItem({ abi: keyswarmAbi, name: 'Settled' })

/**
 * Every listing of `creator`, newest first, with its stored state, its counters, the sources in
 * effect and each sale's state now: three log queries for all listings, then one read per listing
 * and per sale.
 */
export async function readCreatorListings(
  client: PublicClient,
  { deployment, creator }: ReadCreatorListingsParameters,
): Promise<CreatorListing[]> {
  const listed = await readListings(client, { deployment, creator })
  if (listed.length === 0) return []
  const contentIds = listed.map((l) => l.contentId)
  const range = { fromBlock: BigInt(deployment.deployBlock), toBlock: 'latest' } as const
  const [purchasedLogs, sources, stored, stats] = await Promise.all([
    client.getLogs({ address: deployment.keyswarm, event: purchasedEvent, args: { contentId: contentIds }, ...range }),
    readListingSources(client, { deployment, listings: listed }),
    Promise.all(
      contentIds.map((id) =>
        client.readContract({ address: deployment.keyswarm, abi: keyswarmAbi, functionName: 'listings', args: [id] }),
      ),
    ),
    Promise.all(
      contentIds.map((id) =>
        client.readContract({
          address: deployment.keyswarm,
          abi: keyswarmAbi,
          functionName: 'listingStats',
          args: [id],
        }),
      ),
    ),
  ])
  const purchaseIds = purchasedLogs.map((log) => log.args.purchaseId!)
  const [infos, settledLogs] = await Promise.all([
    Promise.all(
      purchaseIds.map((id) =>
        client.readContract({ address: deployment.keyswarm, abi: keyswarmAbi, functionName: 'purchases', args: [id] }),
      ),
    ),
    purchaseIds.length === 0
      ? []
      : client.getLogs({
          address: deployment.keyswarm,
          event: settledEvent,
          args: { purchaseId: purchaseIds },
          ...range,
        }),
  ])
  const settledIds = new Set(settledLogs.map((log) => log.args.purchaseId!))
  const sales: CreatorSale[] = purchasedLogs.map((log, i) => ({
    purchaseId: log.args.purchaseId!,
    contentId: log.args.contentId!,
    buyer: log.args.buyer!,
    amount: log.args.amount!,
    state: purchaseStateName(infos[i]!.state),
    settledOnChain: settledIds.has(log.args.purchaseId!),
    disputeDeadline: infos[i]!.disputeDeadline,
  }))

  return listed.map((listing, i) => {
    const own = sales.filter((s) => s.contentId === listing.contentId)
    const [, sold, delivered, refunded, disputed] = stats[i]!
    return {
      ...listing,
      currentPrice: stored[i]!.price,
      active: stored[i]!.active,
      stats: { sold, delivered, refunded, disputed },
      sources: sources[i]!,
      sales: own,
      keys: {
        waiting: own.filter((s) => s.state === 'pending').length,
        delivered: own.filter((s) => s.state === 'delivered' || s.state === 'settled').length,
        missed: own.filter((s) => s.state === 'expired').length,
      },
    }
  })
}
