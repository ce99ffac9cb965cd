import { secp256k1 } from '@noble/curves/secp256k1'
import { bytesToHex, numberToHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { InvalidParameterError } from './errors'
import { publicPoint } from './publicPoint'

describe('publicPoint', () => {
  test('gives the generator for secret 1 and matches noble for random secrets', () => {
    const G = secp256k1.ProjectivePoint.BASE.toAffine()
    expect(publicPoint(numberToHex(1n, { size: 32 }))).toEqual({ x: G.x, y: G.y })
    const secret = bytesToHex(secp256k1.utils.randomPrivateKey())
    const uncompressed = secp256k1.getPublicKey(secret.slice(2), false)
    expect(numberToHex(publicPoint(secret).x, { size: 32 })).toBe(bytesToHex(uncompressed.slice(1, 33)))
    expect(numberToHex(publicPoint(secret).y, { size: 32 })).toBe(bytesToHex(uncompressed.slice(33)))
  })

  test('refuses a zero secret', () => {
    expect(() => publicPoint(numberToHex(0n, { size: 32 }))).toThrow(InvalidParameterError)
  })
})
