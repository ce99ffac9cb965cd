import type { Address, PublicClient } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { type PurchaseStateName, purchaseStateName } from './purchaseStateName'
import { type ListedListing, readListings } from './readListings'
import { readMany } from './readMany'
import { readPurchases } from './readPurchases'

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
  signal?: AbortSignal
}

/**
 * Purchases of a buyer (from its `Purchased` events) and any other purchases named, newest
 * first, each with its listing and its state now: one ranged scan for the purchases, one
 * Multicall3 batch for their states, one scan for their listings.
 */
export async function readBuyerPurchases(
  client: PublicClient,
  { deployment, buyer, purchaseIds = [], signal }: ReadBuyerPurchasesParameters,
): Promise<BuyerPurchase[]> {
  const fromEvents = buyer ? await readPurchases(client, { deployment, buyer, signal }) : []
  const ids = [...new Set([...fromEvents.map((p) => p.purchaseId), ...purchaseIds])].sort((a, b) => (a < b ? 1 : -1))
  const infos = await readMany(
    client,
    ids.map(
      (id) => ({ address: deployment.keyswarm, abi: keyswarmAbi, functionName: 'purchases', args: [id] }) as const,
    ),
  )
  const contentIds = [...new Set(infos.filter((info) => info.state !== 0).map((info) => info.contentId))]
  const listings = new Map(
    contentIds.length === 0
      ? []
      : (await readListings(client, { deployment, contentIds, signal })).map((l) => [l.contentId, l] as const),
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
