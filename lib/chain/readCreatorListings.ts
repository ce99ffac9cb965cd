import { type Address, type PublicClient, getAbiItem } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { type PurchaseStateName, purchaseStateName } from './purchaseStateName'
import type { ListingState } from './readListing'
import { readListingSources } from './readListingSources'
import { readListings } from './readListings'
import { readMany } from './readMany'
import { scanLogs } from './scanLogs'

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
export type ReadCreatorListingsParameters = { deployment: Deployment; creator: Address; signal?: AbortSignal }

const purchasedEvent = getAbiItem({ abi: keyswarmAbi, name: 'Purchased' })
const settledEvent = getAbiItem({ abi: keyswarmAbi, name: 'Settled' })

/**
 * Every listing of `creator`, newest first, with its stored state, its counters, the sources in
 * effect and each sale's state now: a few ranged log scans ({@link scanLogs}, cached), then the
 * listings' and sales' state in a few Multicall3 batches ({@link readMany}), however many there are.
 */
export async function readCreatorListings(
  client: PublicClient,
  { deployment, creator, signal }: ReadCreatorListingsParameters,
): Promise<CreatorListing[]> {
  const listed = await readListings(client, { deployment, creator, signal })
  if (listed.length === 0) return []
  const contentIds = listed.map((l) => l.contentId)
  const keyswarm = { address: deployment.keyswarm, abi: keyswarmAbi } as const
  // No purchase of a listing comes before the listing itself.
  const firstBlock = listed.reduce((min, l) => (l.blockNumber < min ? l.blockNumber : min), listed[0]!.blockNumber)
  const [purchased, sources, state] = await Promise.all([
    scanLogs(client, {
      address: deployment.keyswarm,
      event: purchasedEvent,
      args: { contentId: contentIds },
      fromBlock: firstBlock,
      signal,
    }),
    readListingSources(client, { deployment, listings: listed }),
    readMany(
      client,
      contentIds.flatMap((id) => [
        { ...keyswarm, functionName: 'listings', args: [id] } as const,
        { ...keyswarm, functionName: 'listingStats', args: [id] } as const,
      ]),
    ),
  ])
  const purchasedLogs = purchased.logs
  const infos = await readMany(
    client,
    purchasedLogs.map((log) => ({ ...keyswarm, functionName: 'purchases', args: [log.args.purchaseId!] }) as const),
  )
  // Only a purchase final by time may still await `settle`: the contract's `Settled` events tell which did.
  const final = purchasedLogs.filter((_, i) => purchaseStateName(infos[i]!.state) === 'settled')
  const settledIds = new Set<bigint>()
  if (final.length > 0) {
    const { logs } = await scanLogs(client, {
      address: deployment.keyswarm,
      event: settledEvent,
      fromBlock: final[0]!.blockNumber,
      signal,
    })
    for (const log of logs) settledIds.add(log.args.purchaseId!)
  }
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
    const stored = state[2 * i] as { price: bigint; active: boolean }
    const [, sold, delivered, refunded, disputed] = state[2 * i + 1] as readonly number[] as [
      number,
      number,
      number,
      number,
      number,
    ]
    return {
      ...listing,
      currentPrice: stored.price,
      active: stored.active,
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
