import { bytesToHex, keccak256, type Hex } from 'viem'
import { describe, expect, test } from 'vitest'
import { InvalidParameterError } from './errors'
import { keyHash } from './keyHash'
import { verifyKey } from './verifyKey'

const randomKey = (): Hex => bytesToHex(crypto.getRandomValues(new Uint8Array(32)))

describe('keyHash / verifyKey', () => {
  test('keyHash is keccak256 of abi.encode(bytes32 K), i.e. of the key bytes', () => {
    const key = randomKey()
    expect(keyHash(key)).toBe(keccak256(key))
    expect(keyHash(`0x${'00'.repeat(32)}`)).toBe('0x290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563')
  })

  test('verifyKey accepts the committed key and rejects any other', () => {
    const key = randomKey()
    const hash = keyHash(key)
    expect(verifyKey({ key, keyHash: hash })).toBe(true)
    expect(verifyKey({ key, keyHash: hash.toUpperCase().replace('0X', '0x') as Hex })).toBe(true)
    expect(verifyKey({ key: randomKey(), keyHash: hash })).toBe(false)
    expect(verifyKey({ key: '0x12', keyHash: hash })).toBe(false)
  })

  test('keyHash refuses a key that is not 32 bytes', () => {
    expect(() => keyHash('0x1234')).toThrow(InvalidParameterError)
  })
})
