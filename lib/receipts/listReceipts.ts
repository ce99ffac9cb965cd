import { entries } from 'idb-keyval'
import type { Address } from 'viem'
import { receiptStore } from './receiptStore'
import type { HeldReceipt } from './types'

/** Parameters of {@link listReceipts}. */
export type ListReceiptsParameters = { chainId: number; seeder?: Address }

/** The receipts this device holds on `chainId`, optionally only those paying `seeder`, newest purchase first. */
export async function listReceipts({ chainId, seeder }: ListReceiptsParameters): Promise<HeldReceipt[]> {
  const all = await entries<string, HeldReceipt>(receiptStore())
  return all
    .filter(([key]) => key.startsWith(`receipt:${chainId}:`))
    .map(([, receipt]) => receipt)
    .filter((r) => r.chainId === chainId && (!seeder || r.seeder.toLowerCase() === seeder.toLowerCase()))
    .sort((a, b) =>
      BigInt(b.purchaseId) > BigInt(a.purchaseId) ? 1 : BigInt(b.purchaseId) < BigInt(a.purchaseId) ? -1 : 0,
    )
}
