import type { Hex } from 'viem'
import { describe, expect, test } from 'vitest'
import { initialUnlockState } from './initialUnlockState'
import type { UnlockEvent, UnlockState } from './unlockTypes'
import { unlockReducer } from './unlockReducer'

const key: Hex = `0x${'11'.repeat(32)}`
const otherKey: Hex = `0x${'22'.repeat(32)}`
const clock = { purchasedAt: 1000, deliveryDeadline: 4600 }
const gas = { purchase: 120_000n, approve: 0n }

/** The state after `events`, from the start. */
const run = (...events: UnlockEvent[]) => events.reduce(unlockReducer, initialUnlockState)

/** The click, the wallet, the signature and the purchase: paid and waiting for the key. */
const paid: UnlockEvent[] = [
  { type: 'unlockClicked' },
  { type: 'stepReached', step: 'sign' },
  { type: 'stepReached', step: 'verify' },
  { type: 'stepReached', step: 'purchase' },
  { type: 'purchased', purchaseId: 7n, gas },
]

describe('buying', () => {
  test('goes from the click through the wallet steps and the listing check to the wait', () => {
    const steps = [
      run({ type: 'unlockClicked' }),
      run({ type: 'unlockClicked' }, { type: 'stepReached', step: 'sign' }),
      run({ type: 'unlockClicked' }, { type: 'stepReached', step: 'verify' }),
      run({ type: 'unlockClicked' }, { type: 'stepReached', step: 'approve' }),
      run({ type: 'unlockClicked' }, { type: 'stepReached', step: 'purchase' }),
    ]
    expect(steps.map((s) => [s.phase, s.step])).toEqual([
      ['buying', 'connect'],
      ['buying', 'sign'],
      ['buying', 'verify'],
      ['buying', 'approve'],
      ['buying', 'purchase'],
    ])
    expect(run(...paid)).toEqual({ phase: 'waiting', step: 'waiting', purchaseId: 7n, gas })
  })

  test('plays once the delivered key is verified, keeping the purchase and its gas', () => {
    const state = run(...paid, { type: 'stepReached', step: 'verifying' }, { type: 'keyReceived', contentKey: key })
    expect(state).toEqual({ phase: 'owned', contentKey: key, purchaseId: 7n, gas })
  })

  test('a click clears what the last attempt left (an error, a notice)', () => {
    const failed = run({ type: 'unlockClicked' }, { type: 'failed', message: 'You rejected the transaction.' })
    expect(unlockReducer(failed, { type: 'unlockClicked' })).toEqual({ phase: 'buying', step: 'connect' })
  })

  test('a second click while busy changes nothing', () => {
    const state = run(...paid)
    expect(unlockReducer(state, { type: 'unlockClicked' })).toBe(state)
    expect(unlockReducer(state, { type: 'restoreClicked' })).toBe(state)
  })

  test('a rejected transaction goes back to Unlock with the wallet’s sentence, nothing paid', () => {
    const state = run(
      { type: 'unlockClicked' },
      { type: 'stepReached', step: 'purchase' },
      { type: 'failed', message: 'You rejected the transaction in your wallet.' },
    )
    expect(state).toEqual({ phase: 'idle', error: 'You rejected the transaction in your wallet.' })
  })

  test('a wallet on the wrong chain that refuses to switch stops at the first step', () => {
    const state = run(
      { type: 'unlockClicked' },
      { type: 'failed', message: 'Switch your wallet to Anvil (chain 31337) to continue.' },
    )
    expect(state).toEqual({ phase: 'idle', error: 'Switch your wallet to Anvil (chain 31337) to continue.' })
    expect(state.purchaseId).toBeUndefined()
  })
})

describe('waiting for the key', () => {
  test('learns the purchase’s clock once', () => {
    const state = run(...paid, { type: 'clockRead', clock })
    expect(state.waiting).toEqual(clock)
    expect(unlockReducer(state, { type: 'clockRead', clock: { purchasedAt: 1, deliveryDeadline: 2 } })).toBe(state)
  })

  test('says the chain is unreachable while it retries, and stops saying it once the key is here', () => {
    const retrying = run(...paid, { type: 'retrying', message: 'The RPC did not answer.' })
    expect(retrying).toMatchObject({ phase: 'waiting', retrying: 'The RPC did not answer.' })
    expect(unlockReducer(retrying, { type: 'keyReceived', contentKey: key }).retrying).toBeUndefined()
  })

  test('a wrong key is disputed on chain and ends with the dispute’s sentence', () => {
    const disputing = run(
      ...paid,
      { type: 'stepReached', step: 'verifying' },
      { type: 'stepReached', step: 'disputing' },
    )
    expect([disputing.phase, disputing.step]).toEqual(['waiting', 'disputing'])
    const state = unlockReducer(disputing, {
      type: 'failed',
      message:
        'The creator delivered a wrong key for purchase #7: this tab proved it on chain and your payment was refunded in full.',
    })
    expect(state).toMatchObject({ phase: 'idle', step: undefined, purchaseId: 7n })
    expect(state.error).toMatch(/wrong key .* refunded/)
    expect(state.contentKey).toBeUndefined()
  })

  test('offers the refund once the deadline passed, and takes it', () => {
    const expired = run(...paid, { type: 'clockRead', clock }, { type: 'deadlinePassed' })
    expect(expired.refundable).toBe(true)
    const refunding = unlockReducer(expired, { type: 'refundClicked' })
    expect(refunding).toMatchObject({ phase: 'refunding', step: 'refunding', refundable: false })
    expect(unlockReducer(refunding, { type: 'refunded', purchaseId: 7n, gasUsed: 50_000n })).toEqual({
      phase: 'idle',
      notice: 'Refunded: purchase #7 was paid back to your wallet (50000 gas).',
    })
  })

  test('offers no refund before the deadline', () => {
    const state = run(...paid)
    expect(unlockReducer(state, { type: 'refundClicked' })).toBe(state)
  })

  test('a failed refund offers it again with the reason', () => {
    const state = run(
      ...paid,
      { type: 'deadlinePassed' },
      { type: 'refundClicked' },
      { type: 'refundFailed', message: 'You rejected the transaction.' },
    )
    expect(state).toMatchObject({
      phase: 'idle',
      refundable: true,
      purchaseId: 7n,
      error: 'You rejected the transaction.',
    })
    expect(unlockReducer(state, { type: 'refundClicked' }).phase).toBe('refunding')
  })

  test('a key that arrives after the refund was taken changes nothing', () => {
    const refunded = run(
      ...paid,
      { type: 'deadlinePassed' },
      { type: 'refundClicked' },
      { type: 'refunded', purchaseId: 7n, gasUsed: 1n },
    )
    expect(unlockReducer(refunded, { type: 'keyReceived', contentKey: key })).toBe(refunded)
    expect(unlockReducer(refunded, { type: 'deadlinePassed' })).toBe(refunded)
  })
})

describe('a reload mid-wait', () => {
  const resumed: UnlockEvent = { type: 'resumed', purchaseId: 9n, clock, refundable: false }

  test('shows the wait again with the purchase’s clock, and plays when the key comes', () => {
    const state = run(resumed)
    expect(state).toEqual({
      phase: 'waiting',
      step: 'waiting',
      resumed: true,
      purchaseId: 9n,
      waiting: clock,
      refundable: false,
    })
    expect(unlockReducer(state, { type: 'keyReceived', contentKey: key })).toMatchObject({
      phase: 'owned',
      contentKey: key,
    })
  })

  test('past the deadline, offers the refund at once', () => {
    expect(run({ ...resumed, refundable: true }).refundable).toBe(true)
  })

  test('a later resume takes over an earlier one; a click or a key wins over resuming', () => {
    expect(run(resumed, { ...resumed, purchaseId: 10n }).purchaseId).toBe(10n)
    const clicked = run({ type: 'unlockClicked' })
    expect(unlockReducer(clicked, resumed)).toBe(clicked)
    const owned = run({ type: 'keyFound', contentKey: key })
    expect(unlockReducer(owned, resumed)).toBe(owned)
  })

  test('after an error the page still resumes an open purchase', () => {
    const failed = run({ type: 'unlockClicked' }, { type: 'failed', message: 'x' })
    expect(unlockReducer(failed, resumed).phase).toBe('waiting')
  })
})

describe('keys already here', () => {
  test('a key this device holds plays at once, and the first one found stays', () => {
    const owned = run({ type: 'keyFound', contentKey: key })
    expect(owned).toEqual({ phase: 'owned', contentKey: key })
    expect(unlockReducer(owned, { type: 'keyFound', contentKey: otherKey })).toBe(owned)
    expect(unlockReducer(owned, { type: 'unlockClicked' })).toBe(owned)
  })

  test('a key found while waiting (another tab got it) ends the wait', () => {
    expect(run(...paid, { type: 'keyFound', contentKey: key })).toEqual({ phase: 'owned', contentKey: key })
  })

  test('restoring plays the listing when the account bought it on another device', () => {
    const restoring = run({ type: 'restoreClicked' })
    expect(restoring).toEqual({ phase: 'restoring', step: 'sign' })
    expect(unlockReducer(restoring, { type: 'restored', contentKey: key })).toEqual({ phase: 'owned', contentKey: key })
  })

  test('restoring says so when the account has no delivered purchase of the listing', () => {
    expect(run({ type: 'restoreClicked' }, { type: 'restored' })).toEqual({
      phase: 'idle',
      error: 'This account has no delivered purchase of this listing.',
    })
  })

  test('a refused signature while restoring goes back with the reason', () => {
    expect(run({ type: 'restoreClicked' }, { type: 'failed', message: 'You refused to sign.' })).toEqual({
      phase: 'idle',
      step: undefined,
      retrying: undefined,
      error: 'You refused to sign.',
    })
  })
})

describe('events that do not fit the phase', () => {
  const idle: UnlockState = initialUnlockState
  test.each<UnlockEvent>([
    { type: 'stepReached', step: 'waiting' },
    { type: 'purchased', purchaseId: 1n, gas },
    { type: 'clockRead', clock },
    { type: 'deadlinePassed' },
    { type: 'retrying', message: 'x' },
    { type: 'keyReceived', contentKey: key },
    { type: 'failed', message: 'x' },
    { type: 'refundClicked' },
    { type: 'refunded', purchaseId: 1n, gasUsed: 1n },
    { type: 'refundFailed', message: 'x' },
    { type: 'restored', contentKey: key },
  ])('$type changes nothing before anything started', (event) => {
    expect(unlockReducer(idle, event)).toBe(idle)
  })
})
