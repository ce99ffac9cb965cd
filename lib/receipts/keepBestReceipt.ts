import { update } from 'idb-keyval'
import { receiptKey } from './receiptKey'
import { receiptStore } from './receiptStore'
import type { HeldReceipt } from './types'

/**
 * Keeps `receipt` when it acknowledges more bytes than the one held for its purchase and seeder
 * (in one IndexedDB transaction, so two tabs cannot overwrite a better one). Resolves with the
 * receipt now held, and whether it was this one.
 */
export async function keepBestReceipt(receipt: HeldReceipt): Promise<{ held: HeldReceipt; kept: boolean }> {
  let held = receipt
  let kept = false
  await update<HeldReceipt>(
    receiptKey(receipt),
    (old) => {
      kept = !old || BigInt(receipt.bytes) > BigInt(old.bytes)
      held = kept ? receipt : old!
      return held
    },
    receiptStore(),
  )
  return { held, kept }
}
