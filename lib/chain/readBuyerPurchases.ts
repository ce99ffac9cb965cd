import type { Address, PublicClient } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { type PurchaseStateName, purchaseStateName } from './purchaseStateName'
import type { ListedListing } from './readListings'
import { readMany } from './readMany'
import { type LibraryLog, scanLibraryEvents } from './scanLibraryEvents'
import { toListedListing } from './toListedListing'

/** One purchase as its buyer sees it: what, for how much, and where it stands now. */
export type BuyerPurchase = {
  purchaseId: bigint
  contentId: bigint
  /** What was paid, in the listing token's smallest unit. */
  amount: bigint
  state: PurchaseStateName
  /** Seconds since the epoch: the key is due by then; after it an undelivered purchase is refundable. */
  deliveryDeadline: bigint
  /** The listing as announced (title, token, infohash); undefined if its event cannot be found. */
  listing?: ListedListing
}

/** Parameters of {@link readBuyerPurchases}. */
export type ReadBuyerPurchasesParameters = {
  deployment: Deployment
  /** Reads this wallet's `Purchased` events. */
  buyer?: Address
  /** Purchases known some other way (kept on this device), read even without a wallet. */
  purchaseIds?: readonly bigint[]
  /**
   * The deployment's /library events already read ({@link scanLibraryEvents}), in any order; a
   * purchase whose `Listed` event is not among them yet comes without its listing. Scanned here when absent.
   */
  logs?: readonly LibraryLog[]
  /** Reads already made in this round of reads (see `readMany`'s `memo`). */
  memo?: Map<string, unknown>
  signal?: AbortSignal
}

/**
 * Purchases of a buyer (from its `Purchased` events) and any other purchases named, newest
 * first, each with its listing and its state now: filters over the deployment's /library events
 * (one ranged, cached scan, {@link scanLibraryEvents}) and one Multicall3 batch for the states.
 */
export async function readBuyerPurchases(
  client: PublicClient,
  { deployment, buyer, purchaseIds = [], logs: given, memo, signal }: ReadBuyerPurchasesParameters,
): Promise<BuyerPurchase[]> {
  const logs = given ?? (await scanLibraryEvents(client, { deployment, signal }))
  const own = buyer?.toLowerCase()
  const fromEvents = logs.flatMap((log) =>
    own && log.eventName === 'Purchased' && log.args.buyer!.toLowerCase() === own ? [log.args.purchaseId!] : [],
  )
  const ids = [...new Set([...fromEvents, ...purchaseIds])].sort((a, b) => (a < b ? 1 : -1))
  const infos = await readMany(
    client,
    ids.map(
      (id) => ({ address: deployment.keyswarm, abi: keyswarmAbi, functionName: 'purchases', args: [id] }) as const,
    ),
    { memo },
  )
  const contentIds = new Set(infos.filter((info) => info.state !== 0).map((info) => info.contentId))
  const listings = new Map(
    logs.flatMap((log) =>
      log.eventName === 'Listed' && contentIds.has(log.args.contentId!)
        ? [[log.args.contentId!, toListedListing(log)] as const]
        : [],
    ),
  )
  return ids.flatMap((purchaseId, i) => {
    const info = infos[i]!
    // A purchase id this device remembers from another deployment of a local chain: nothing to show.
    if (info.state === 0) return []
    return [
      {
        purchaseId,
        contentId: info.contentId,
        amount: info.amount,
        state: purchaseStateName(info.state),
        deliveryDeadline: info.deliveryDeadline,
        listing: listings.get(info.contentId),
      },
    ]
  })
}
