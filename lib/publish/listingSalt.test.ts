import { hkdf } from '@noble/hashes/hkdf'
import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, hexToBytes } from 'viem'
import { describe, expect, test } from 'vitest'
import { contentKey } from '@/lib/crypto'
import { listingSalt } from './listingSalt'

const m = '0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f' as const
const other = '0x1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100' as const

describe('listingSalt', () => {
  test('gives the same salt for the same account secret and index, on any device', () => {
    expect(listingSalt({ accountSecret: m, index: 3 })).toBe(listingSalt({ accountSecret: m, index: 3 }))
  })

  test('gives a different salt per index and per account secret', () => {
    const salts = new Set<string>()
    for (let index = 0; index < 64; index++) {
      salts.add(listingSalt({ accountSecret: m, index }))
      salts.add(listingSalt({ accountSecret: other, index }))
    }
    expect(salts.size).toBe(128)
  })

  test('is HKDF-SHA256 with the documented info: "keyswarm listing salt" and the index as 4 big-endian bytes', () => {
    const info = new Uint8Array([...new TextEncoder().encode('keyswarm listing salt'), 0, 0, 1, 2])
    expect(listingSalt({ accountSecret: m, index: 258 })).toBe(
      bytesToHex(hkdf(sha256, hexToBytes(m), new Uint8Array(0), info, 32)),
    )
  })

  test('matches the test vector in docs/format.md', () => {
    expect(listingSalt({ accountSecret: m, index: 0 })).toMatchInlineSnapshot(
      `"0xa4d923ede1af7eed261283ff75dfe59d5244cf0263b3be7b0fb5bc8437ca4a6f"`,
    )
    expect(contentKey({ accountSecret: m, salt: listingSalt({ accountSecret: m, index: 0 }) })).toMatchInlineSnapshot(
      `"0x75344d1707b25f83167fe906f76e694426abe1f415e3d0f958a47647eef2dbd3"`,
    )
  })

  test('refuses a negative, fractional or too large index and a short account secret', () => {
    expect(() => listingSalt({ accountSecret: m, index: -1 })).toThrow(/whole number/)
    expect(() => listingSalt({ accountSecret: m, index: 1.5 })).toThrow(/whole number/)
    expect(() => listingSalt({ accountSecret: m, index: 2 ** 32 })).toThrow(/whole number/)
    expect(() => listingSalt({ accountSecret: '0x01', index: 0 })).toThrow(/32 bytes/)
  })
})
