import { expect, test } from 'vitest'
import { describeWait } from './describeWait'

const clock = { purchasedAt: 1_000_000, deliveryDeadline: 1_003_600 }

test('says how long the buyer has waited and how long the agent has left', () => {
  const note = describeWait(clock, { now: 1_000_042_000 })
  expect(note).toMatch(/^Waiting 0:42 since your purchase; the creator’s agent has until .+ \(59 min left\) to deliver/)
})

test('counts the last two minutes in seconds', () => {
  expect(describeWait(clock, { now: 1_003_550_000 })).toContain('(50 s left)')
})

test('says the refund is open once the deadline passed or the chain says so', () => {
  expect(describeWait(clock, { now: 1_003_601_000 })).toMatch(/has passed: you can take a refund\.$/)
  expect(describeWait(clock, { now: 1_000_010_000, refundable: true })).toMatch(/has passed/)
})
