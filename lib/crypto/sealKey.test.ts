import { secp256k1 } from '@noble/curves/secp256k1'
import { bytesToHex, encodeAbiParameters, keccak256, numberToHex, recoverAddress, type Hex } from 'viem'
import { describe, expect, test } from 'vitest'
import { InvalidParameterError, InvalidPointError } from './errors'
import { pointAddress } from './pointAddress'
import { publicPoint } from './publicPoint'
import { sealKey } from './sealKey'
import { unsealKey } from './unsealKey'

const randomSecret = (): Hex => bytesToHex(secp256k1.utils.randomPrivateKey())
const randomKey = (): Hex => bytesToHex(crypto.getRandomValues(new Uint8Array(32)))

/** address(k·Q) the way the contract computes it: ecrecover(0, 27 + (Qy & 1), Qx, k·Qx mod n). */
async function ecrecoverAddress(k: bigint, Q: { x: bigint; y: bigint }) {
  const n = secp256k1.CURVE.n
  const v = 27n + (Q.y & 1n)
  const signature =
    `0x${numberToHex(Q.x, { size: 32 }).slice(2)}${numberToHex((k * Q.x) % n, { size: 32 }).slice(2)}${numberToHex(v, { size: 1 }).slice(2)}` as Hex
  return (await recoverAddress({ hash: `0x${'00'.repeat(32)}`, signature })).toLowerCase()
}

describe('sealKey / unsealKey', () => {
  test('the buyer unseals exactly the key the creator sealed', () => {
    for (let i = 0; i < 8; i++) {
      const key = randomKey()
      const c = randomSecret()
      const b = randomSecret()
      const purchaseId = BigInt(i * 1000 + 1)
      const sealedKey = sealKey({ key, deliverySecret: c, sessionPublicKey: publicPoint(b), purchaseId })
      expect(sealedKey).not.toBe(key)
      expect(unsealKey({ sealedKey, sessionSecret: b, deliveryPublicKey: publicPoint(c), purchaseId })).toBe(key)
    }
  })

  test('the pad matches the contract recipe bit for bit, including the ecrecover trick for address(c·B)', async () => {
    const key = randomKey()
    const c = randomSecret()
    const b = randomSecret()
    const B = publicPoint(b)
    const purchaseId = 42n
    const sealedKey = sealKey({ key, deliverySecret: c, sessionPublicKey: B, purchaseId })
    const shared = await ecrecoverAddress(BigInt(c), B)
    const S = secp256k1.ProjectivePoint.fromAffine(B).multiply(BigInt(c)).toAffine()
    expect(pointAddress(S)).toBe(shared)
    const pad = keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [shared as Hex, purchaseId]))
    const expected = numberToHex(BigInt(key) ^ BigInt(pad), { size: 32 })
    expect(sealedKey).toBe(expected)
  })

  test('a key sealed for one purchase does not unseal under another purchase id or session', () => {
    const key = randomKey()
    const c = randomSecret()
    const b = randomSecret()
    const sealedKey = sealKey({ key, deliverySecret: c, sessionPublicKey: publicPoint(b), purchaseId: 7n })
    const C = publicPoint(c)
    expect(unsealKey({ sealedKey, sessionSecret: b, deliveryPublicKey: C, purchaseId: 8n })).not.toBe(key)
    expect(unsealKey({ sealedKey, sessionSecret: randomSecret(), deliveryPublicKey: C, purchaseId: 7n })).not.toBe(key)
  })

  test('refuses a session public key that is not on the curve', () => {
    const B = publicPoint(randomSecret())
    expect(() =>
      sealKey({
        key: randomKey(),
        deliverySecret: randomSecret(),
        sessionPublicKey: { x: B.x, y: B.y + 1n },
        purchaseId: 1n,
      }),
    ).toThrow(InvalidPointError)
  })

  test('refuses secrets outside [1, n-1] and keys that are not 32 bytes', () => {
    const B = publicPoint(randomSecret())
    const n = numberToHex(secp256k1.CURVE.n, { size: 32 })
    const zero = numberToHex(0n, { size: 32 })
    for (const deliverySecret of [n, zero, '0x01' as Hex])
      expect(() => sealKey({ key: randomKey(), deliverySecret, sessionPublicKey: B, purchaseId: 1n })).toThrow(
        InvalidParameterError,
      )
    expect(() =>
      sealKey({ key: '0x1234', deliverySecret: randomSecret(), sessionPublicKey: B, purchaseId: 1n }),
    ).toThrow(InvalidParameterError)
  })
})
