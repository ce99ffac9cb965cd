import type { Address } from 'viem'

/** The store key of a purchase's receipt for one seeder. */
export function receiptKey({ chainId, purchaseId, seeder }: { chainId: number; purchaseId: string; seeder: Address }) {
  return `receipt:${chainId}:${purchaseId}:${seeder.toLowerCase()}`
}
