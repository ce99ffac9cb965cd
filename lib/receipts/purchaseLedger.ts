import { get, set } from 'idb-keyval'
import type { ReceiptLedger } from '@/lib/torrent/receiptsSlot'
import { receiptStore } from './receiptStore'

/** Parameters of {@link purchaseLedger}. */
export type PurchaseLedgerParameters = { chainId: number; purchaseId: bigint }

/**
 * Where a buyer's tab keeps the bytes each seeder served one purchase, and how many a receipt
 * acknowledged (`owed:<chainId>:<purchaseId>` in the receipts database, beside the purchase's
 * receipt key): after a reload, the next receipt to a seeder still counts what it served before.
 */
export function purchaseLedger({ chainId, purchaseId }: PurchaseLedgerParameters): ReceiptLedger {
  const key = `owed:${chainId}:${purchaseId}`
  return {
    load: () => get(key, receiptStore()),
    save: (record) => set(key, record, receiptStore()),
  }
}
