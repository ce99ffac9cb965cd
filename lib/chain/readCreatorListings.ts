import type { Address, Log, PublicClient } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { type PurchaseStateName, purchaseStateName } from './purchaseStateName'
import type { ListingState } from './readListing'
import type { ListingSources } from './readListingSources'
import { readMany } from './readMany'
import { type LibraryLog, scanLibraryEvents } from './scanLibraryEvents'
import { toListedListing } from './toListedListing'
import { type SourcesChange, listingSourcesOf } from './listingSourcesOf'

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
export type ReadCreatorListingsParameters = {
  deployment: Deployment
  creator: Address
  /**
   * The deployment's /library events already read ({@link scanLibraryEvents}), in any order:
   * /library reads them once for every section, and passes what it has so far while older ranges
   * load. Scanned here when absent.
   */
  logs?: readonly LibraryLog[]
  /** Reads already made in this round of reads (see `readMany`'s `memo`). */
  memo?: Map<string, unknown>
  signal?: AbortSignal
}

/**
 * Every listing of `creator`, newest first, with its stored state, its counters, the sources in
 * effect and each sale's state now: filters over the deployment's /library events (one ranged,
 * cached scan, {@link scanLibraryEvents}), then the listings' and sales' state in a few Multicall3
 * batches ({@link readMany}), however many there are.
 */
export async function readCreatorListings(
  client: PublicClient,
  { deployment, creator, logs: given, memo, signal }: ReadCreatorListingsParameters,
): Promise<CreatorListing[]> {
  const logs = [...(given ?? (await scanLibraryEvents(client, { deployment, signal })))].sort(chainOrder)
  const own = creator.toLowerCase()
  const listed = logs
    .flatMap((log) =>
      log.eventName === 'Listed' && log.args.creator!.toLowerCase() === own ? [toListedListing(log)] : [],
    )
    .sort((a, b) => (a.contentId < b.contentId ? 1 : -1))
  if (listed.length === 0) return []
  const wanted = new Set(listed.map((l) => l.contentId))
  const purchasedLogs = logs.flatMap((log) =>
    log.eventName === 'Purchased' && wanted.has(log.args.contentId!) ? [log] : [],
  )
  const settledIds = new Set<bigint>()
  // Logs are in chain order, so the last `SourcesChanged` of a listing is the sources in effect.
  const changed = new Map<bigint, SourcesChange>()
  for (const log of logs) {
    if (log.eventName === 'Settled') settledIds.add(log.args.purchaseId!)
    else if (log.eventName === 'SourcesChanged' && wanted.has(log.args.contentId!))
      changed.set(log.args.contentId!, {
        trackers: log.args.trackers!,
        webSeeds: log.args.webSeeds!,
        blockNumber: log.blockNumber,
      })
  }
  const keyswarm = { address: deployment.keyswarm, abi: keyswarmAbi } as const
  const contentIds = listed.map((l) => l.contentId)
  // One batch for listings and sales alike: a round of reads is one request while it fits one eth_call.
  const results = await readMany(
    client,
    [
      ...contentIds.flatMap((id) => [
        { ...keyswarm, functionName: 'listings', args: [id] } as const,
        { ...keyswarm, functionName: 'listingStats', args: [id] } as const,
      ]),
      ...purchasedLogs.map(
        (log) => ({ ...keyswarm, functionName: 'purchases', args: [log.args.purchaseId!] }) as const,
      ),
    ],
    { memo },
  )
  const state = results.slice(0, 2 * contentIds.length)
  const infos = results.slice(2 * contentIds.length) as readonly {
    state: number
    disputeDeadline: bigint
  }[]
  const sources = listed.map(
    (l): ListingSources => listingSourcesOf(l, changed.get(l.contentId)),
  )
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

function chainOrder(a: Log, b: Log): number {
  if (a.blockNumber !== b.blockNumber) return a.blockNumber! < b.blockNumber! ? -1 : 1
  return a.logIndex! - b.logIndex!
}
