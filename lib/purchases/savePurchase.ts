import { set } from 'idb-keyval'
import { paywallStore } from './paywallStore'
import type { PurchaseRecord } from './types'

/** Keeps (or updates) a purchase on this device. */
export async function savePurchase(record: PurchaseRecord): Promise<void> {
  await set(`purchase:${record.chainId}:${record.purchaseId}`, record, paywallStore())
}
