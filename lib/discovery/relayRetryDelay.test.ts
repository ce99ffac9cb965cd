import { describe, expect, test } from 'vitest'
import { discoveryLimits } from './limits'
import { relayRetryDelay } from './relayRetryDelay'

describe('relayRetryDelay', () => {
  test('waits about a second after the first failure, then doubles', () => {
    const waits = [1, 2, 3, 4].map((failures) => relayRetryDelay({ failures, random: 0.999999 }))
    expect(waits).toEqual([1000, 2000, 4000, 8000])
  })

  test('never waits longer than the ceiling, however long the relay stays down', () => {
    for (const failures of [7, 20, 1000]) {
      expect(relayRetryDelay({ failures, random: 0.999999 })).toBe(discoveryLimits.relayRetryMaxMs)
    }
  })

  test('spreads tabs apart by up to a quarter of the wait, never beyond the full wait', () => {
    expect(relayRetryDelay({ failures: 3, random: 0 })).toBe(3000)
    expect(relayRetryDelay({ failures: 3, random: 0.5 })).toBe(3500)
    expect(relayRetryDelay({ failures: 3, random: 5 })).toBe(4000)
  })

  test('treats a count below one as the first failure', () => {
    expect(relayRetryDelay({ failures: 0, random: 0 })).toBe(750)
  })
})
