import type { Address } from 'viem'
import { describe, expect, test } from 'vitest'
import { createKeystore } from '../keystore/createKeystore'
import { memoryStorage } from '../keystore/memoryStorage'
import { sampleReceipt } from '../receipts/sampleReceipt'
import type { HeldReceipt } from '../receipts/types'
import { exportAgentSecrets } from './exportAgentSecrets'

const creator: Address = '0x1111111111111111111111111111111111111111'
const other: Address = '0x2222222222222222222222222222222222222222'

const receipt = (changes: Partial<HeldReceipt>) => sampleReceipt({ seeder: creator, ...changes })

describe('exportAgentSecrets', () => {
  test('the daemon gets the creator’s own seeding receipts on this chain, and no one else’s', async () => {
    const keystore = createKeystore({
      secrets: memoryStorage(),
      salts: memoryStorage(),
      sessionId: () => 'session',
      newAgentKey: () => `0x${'aa'.repeat(32)}`,
    })
    const mine = receipt({ purchaseId: '3', seeder: creator.toUpperCase().replace('0X', '0x') as Address })
    const exported = await exportAgentSecrets(keystore, {
      chainId: 31337,
      creator,
      receipts: [mine, receipt({ purchaseId: '4', seeder: other }), receipt({ purchaseId: '5', chainId: 1 })],
    })
    expect(exported.receipts).toEqual([mine])
    expect(exported.chainId).toBe(31337)
  })

  test('without receipts the file carries none', async () => {
    const keystore = createKeystore({ secrets: memoryStorage(), salts: memoryStorage(), sessionId: () => 'session' })
    expect((await exportAgentSecrets(keystore, { chainId: 31337, creator })).receipts).toEqual([])
  })
})
