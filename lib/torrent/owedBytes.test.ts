import { describe, expect, test } from 'vitest'
import { owedBytes } from './owedBytes'
import { MAX_U64 } from './receiptsProtocol'

const seeder = '0x1111111111111111111111111111111111111111'
const other = '0x2222222222222222222222222222222222222222'

describe('owedBytes', () => {
  test('bytes served before a reload and after it add up, and what was signed stays signed', () => {
    const before = owedBytes()
    before.add(seeder, 5_000_000n)
    before.signed(seeder, 4_194_304n)
    before.add(other, 1_000n)

    const after = owedBytes()
    after.add(seeder, 2_000_000n) // served after the reload, before the purchase was known
    after.restore(before.snapshot())
    expect(after.get(seeder)).toEqual({ served: 7_000_000n, signed: 4_194_304n })
    expect(after.get(other)).toEqual({ served: 1_000n, signed: 0n })
  })

  test('a seeder written in another case is the same seeder', () => {
    const counts = owedBytes()
    counts.add(seeder, 10n)
    counts.add(seeder.toUpperCase().replace('0X', '0x') as typeof seeder, 5n)
    expect(counts.seeders()).toEqual([seeder])
    expect(counts.get(seeder).served).toBe(15n)
  })

  test('a signature never lowers what was signed', () => {
    const counts = owedBytes()
    counts.signed(seeder, 100n)
    counts.signed(seeder, 50n)
    expect(counts.get(seeder).signed).toBe(100n)
  })

  test('counts stop at uint64, as receipts do', () => {
    const counts = owedBytes()
    counts.add(seeder, MAX_U64)
    expect(counts.add(seeder, 1n)).toBe(MAX_U64)
  })

  test('a damaged record from storage is skipped, not trusted', () => {
    const counts = owedBytes()
    counts.restore({
      [seeder]: { served: '-5', signed: '0' },
      'not an address': { served: '5', signed: '0' },
      [other]: { served: '7', signed: 'x' },
    })
    expect(counts.seeders()).toEqual([])
  })
})
