import { update } from 'idb-keyval'
import type { Address } from 'viem'
import { receiptKey } from './receiptKey'
import { receiptStore } from './receiptStore'
import type { HeldReceipt } from './types'

/** One `Claimed` event: what a claim credited a seeder for a purchase. */
export type ClaimedEvent = { purchaseId: bigint; seeder: Address; amount: bigint }

/** Adds what claims credited to the held receipts they paid, so Earnings shows it after the cursor moves on. */
export async function recordClaims({ chainId, claims }: { chainId: number; claims: readonly ClaimedEvent[] }) {
  for (const { purchaseId, seeder, amount } of claims) {
    await update<HeldReceipt | undefined>(
      receiptKey({ chainId, purchaseId: String(purchaseId), seeder }),
      (held) => held && { ...held, claimed: String(BigInt(held.claimed ?? '0') + amount) },
      receiptStore(),
    )
  }
}
