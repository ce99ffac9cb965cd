import { clear } from 'idb-keyval'
import { beforeEach, describe, expect, test } from 'vitest'
import { keepBestReceipt } from './keepBestReceipt'
import { listReceipts } from './listReceipts'
import { receiptStore } from './receiptStore'
import { sampleReceipt } from './sampleReceipt'

const seeder = '0x1111111111111111111111111111111111111111'
const other = '0x2222222222222222222222222222222222222222'
const receipt = sampleReceipt

describe('receipt store', () => {
  beforeEach(() => clear(receiptStore()))

  test('keeps the receipt with the most bytes per purchase and seeder', async () => {
    await keepBestReceipt(receipt({ bytes: '100' }))
    expect((await keepBestReceipt(receipt({ bytes: '300' }))).kept).toBe(true)
    const lower = await keepBestReceipt(receipt({ bytes: '200' }))
    expect(lower).toMatchObject({ kept: false, held: { bytes: '300' } })
    expect(await listReceipts({ chainId: 31337 })).toEqual([receipt({ bytes: '300' })])
  })

  test('compares byte counts beyond 2^53 exactly', async () => {
    await keepBestReceipt(receipt({ bytes: '9007199254740993' }))
    expect((await keepBestReceipt(receipt({ bytes: '9007199254740992' }))).kept).toBe(false)
  })

  test('holds one receipt per seeder and per purchase, listed by seeder and chain', async () => {
    await keepBestReceipt(receipt())
    await keepBestReceipt(receipt({ seeder: other }))
    await keepBestReceipt(receipt({ purchaseId: '2' }))
    await keepBestReceipt(receipt({ chainId: 1 }))
    expect(await listReceipts({ chainId: 31337 })).toHaveLength(3)
    expect((await listReceipts({ chainId: 31337, seeder })).map((r) => r.purchaseId)).toEqual(['2', '1'])
    expect(await listReceipts({ chainId: 1 })).toHaveLength(1)
  })

  test('two writers at once end with the better receipt', async () => {
    await Promise.all([keepBestReceipt(receipt({ bytes: '500' })), keepBestReceipt(receipt({ bytes: '400' }))])
    expect((await listReceipts({ chainId: 31337 }))[0]!.bytes).toBe('500')
  })
})
