import type { HeldReceipt } from './types'

/** A held receipt with plausible fields (seeder 0x1111…, purchase 1, 4 MiB), for tests; `changes` override them. */
export function sampleReceipt(changes: Partial<HeldReceipt> = {}): HeldReceipt {
  return {
    chainId: 31337,
    purchaseId: '1',
    seeder: '0x1111111111111111111111111111111111111111',
    bytes: '4194304',
    signature: `0x${'ab'.repeat(65)}`,
    contentId: '1',
    infoHash: 'aa'.repeat(20),
    receivedAt: 1,
    ...changes,
  }
}
