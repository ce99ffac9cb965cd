import { zeroHash } from 'viem'
import { expect, test } from 'vitest'
import { isFreeListing } from './isFreeListing'

test('a listing with keyHash 0 is free, one with any other key hash is paid', () => {
  expect(isFreeListing({ keyHash: zeroHash })).toBe(true)
  expect(isFreeListing({ keyHash: `0x${'00'.repeat(31)}01` })).toBe(false)
})
