import { describe, expect, test } from 'vitest'
import { LEGACY_CHUNK_BYTES } from './protocol'
import { pullBytes } from './pullBytes'

describe('pullBytes', () => {
  test('reads the credit in bytes of a worker of this version', () => {
    expect(pullBytes({ bytes: 8 * 1024 * 1024, count: 128 })).toBe(8 * 1024 * 1024)
  })

  test('turns the chunk count of an earlier worker into bytes, so a page keeps streaming while the site updates', () => {
    expect(pullBytes({ count: 16 })).toBe(16 * LEGACY_CHUNK_BYTES)
  })

  test('grants nothing for a message with neither', () => {
    expect(pullBytes({})).toBe(0)
  })
})
