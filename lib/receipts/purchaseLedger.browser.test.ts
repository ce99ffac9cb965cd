import { clear } from 'idb-keyval'
import { beforeEach, describe, expect, test } from 'vitest'
import { owedBytes } from '@/lib/torrent/owedBytes'
import { purchaseLedger } from './purchaseLedger'
import { receiptStore } from './receiptStore'

const seeder = '0x1111111111111111111111111111111111111111'

describe('purchase ledger', () => {
  beforeEach(() => clear(receiptStore()))

  test('what a seeder served survives a reload, for that purchase only', async () => {
    const before = owedBytes()
    before.add(seeder, 6_000_000n)
    before.signed(seeder, 4_194_304n)
    await purchaseLedger({ chainId: 31337, purchaseId: 7n }).save(before.snapshot())

    // A new page load: a fresh count, filled from IndexedDB.
    const after = owedBytes()
    after.restore(await purchaseLedger({ chainId: 31337, purchaseId: 7n }).load())
    expect(after.get(seeder)).toEqual({ served: 6_000_000n, signed: 4_194_304n })
    expect(await purchaseLedger({ chainId: 31337, purchaseId: 8n }).load()).toBeUndefined()
    expect(await purchaseLedger({ chainId: 1, purchaseId: 7n }).load()).toBeUndefined()
  })
})
