import { describe, expect, test } from 'vitest'
import { verifiedBytes } from './verifiedBytes'

describe('verifiedBytes', () => {
  test('credits each source with the blocks it sent of a verified piece', () => {
    const counts = verifiedBytes<string>()
    counts.received(0, 'a', 16384)
    counts.received(0, 'b', 16384)
    counts.received(0, 'a', 16384)
    expect(counts.verified(0, 49152)).toEqual(
      new Map([
        ['a', 32768],
        ['b', 16384],
      ]),
    )
  })

  test('credits nothing for a piece that failed its hash check', () => {
    const counts = verifiedBytes<string>()
    counts.received(3, 'liar', 16384)
    counts.failed(3)
    counts.received(3, 'honest', 16384)
    expect(counts.verified(3, 16384)).toEqual(new Map([['honest', 16384]]))
  })

  test('never credits more than the piece length when blocks came twice', () => {
    const counts = verifiedBytes<string>()
    counts.received(1, 'a', 16384)
    counts.received(1, 'b', 16384)
    const credit = counts.verified(1, 16384)
    expect([...credit.values()].reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(16384)
    expect(credit.get('a')).toBe(8192)
  })

  test('credits a piece once: verifying it again gives nothing', () => {
    const counts = verifiedBytes<string>()
    counts.received(2, 'a', 100)
    counts.verified(2, 100)
    expect(counts.verified(2, 100).size).toBe(0)
  })

  test('ignores nonsense block reports', () => {
    const counts = verifiedBytes<string>()
    counts.received(-1, 'a', 100)
    counts.received(0, 'a', Number.NaN)
    counts.received(0.5, 'a', 100)
    expect(counts.verified(0, 100).size).toBe(0)
  })
})
