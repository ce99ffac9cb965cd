import type { Hex } from 'viem'
import { expect, test } from 'vitest'
import { createPlaybackKeys } from './createPlaybackKeys'

const entry = (byte: string) => ({ key: `0x${byte.repeat(32)}` as Hex, files: Promise.resolve(undefined) })

test('serves a key only while someone holds it', () => {
  const keys = createPlaybackKeys()
  const release = keys.hold('abc', entry('11'))
  expect(keys.get('abc')?.key).toBe(`0x${'11'.repeat(32)}`)
  release()
  expect(keys.get('abc')).toBeUndefined()
})

test('keeps a key held twice until both holders release it', () => {
  const keys = createPlaybackKeys()
  const first = keys.hold('abc', entry('11'))
  const second = keys.hold('abc', entry('11'))
  first()
  first() // a second release of one hold takes nothing from the other
  expect(keys.get('abc')?.key).toBe(`0x${'11'.repeat(32)}`)
  second()
  expect(keys.get('abc')).toBeUndefined()
})

test('serves the key held last, and the earlier one again once that is released', () => {
  const keys = createPlaybackKeys()
  keys.hold('abc', entry('11'))
  const later = keys.hold('abc', entry('22'))
  keys.hold('def', entry('33'))
  expect(keys.get('abc')?.key).toBe(`0x${'22'.repeat(32)}`)
  later()
  expect(keys.get('abc')?.key).toBe(`0x${'11'.repeat(32)}`)
  expect(keys.get('def')?.key).toBe(`0x${'33'.repeat(32)}`)
})
