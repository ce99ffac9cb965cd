import { describe, expect, test } from 'vitest'
import { createReadTurns } from './createReadTurns'

const settled = async (promise: Promise<void> | undefined) => {
  if (!promise) return true
  return Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20))])
}

describe('createReadTurns', () => {
  test('lets a lone read go on', () => {
    const turns = createReadTurns()
    expect(turns.begin('a/0').blocked()).toBeUndefined()
  })

  test('holds an older read of the same file until the newer one sent its head start', async () => {
    const turns = createReadTurns({ headStartBytes: 100, headStartMs: 60_000 })
    const old = turns.begin('a/0')
    const seek = turns.begin('a/0')
    expect(seek.blocked()).toBeUndefined()
    const waiting = old.blocked()
    expect(await settled(waiting)).toBe(false)
    seek.sent(60)
    expect(await settled(waiting)).toBe(false)
    seek.sent(40)
    expect(await settled(waiting)).toBe(true)
    expect(old.blocked()).toBeUndefined()
  })

  test('lets older reads go on as soon as the newer one ends', async () => {
    const turns = createReadTurns({ headStartBytes: 100, headStartMs: 60_000 })
    const old = turns.begin('a/0')
    turns.begin('a/0').end()
    expect(old.blocked()).toBeUndefined()
  })

  test('lets older reads go on after the head start time, whatever the newer one sent', async () => {
    const turns = createReadTurns({ headStartBytes: 100, headStartMs: 5 })
    const old = turns.begin('a/0')
    turns.begin('a/0')
    expect(await settled(old.blocked())).toBe(true)
    expect(old.blocked()).toBeUndefined()
  })

  test('never holds a read of another file', () => {
    const turns = createReadTurns({ headStartMs: 60_000 })
    const other = turns.begin('a/1')
    turns.begin('a/0')
    turns.begin('b/1')
    expect(other.blocked()).toBeUndefined()
  })
})
