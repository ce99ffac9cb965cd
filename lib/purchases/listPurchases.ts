import { entries } from 'idb-keyval'
import type { Address } from 'viem'
import { paywallStore } from './paywallStore'
import type { PurchaseRecord } from './types'

/** Parameters of {@link listPurchases}. */
export type ListPurchasesParameters = { chainId: number; buyer?: Address; contentId?: bigint }

/** The purchases this device knows on `chainId`, optionally one buyer's or one listing's. */
export async function listPurchases({ chainId, buyer, contentId }: ListPurchasesParameters): Promise<PurchaseRecord[]> {
  const all = await entries<string, PurchaseRecord>(paywallStore())
  return all
    .filter(([key]) => key.startsWith(`purchase:${chainId}:`))
    .map(([, value]) => value)
    .filter((p) => !buyer || p.buyer.toLowerCase() === buyer.toLowerCase())
    .filter((p) => contentId === undefined || p.contentId === String(contentId))
}
