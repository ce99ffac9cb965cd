import { secp256k1 } from '@noble/curves/secp256k1'
import { hkdf } from '@noble/hashes/hkdf'
import { sha256 } from '@noble/hashes/sha2'
import { type Hex, bytesToBigInt, hexToBytes, numberToHex } from 'viem'

/** Parameters of {@link deriveScalar}. */
export type DeriveScalarParameters = {
  /** Input key material (the account secret `m`). */
  secret: Hex
  salt: Uint8Array
  /** HKDF info, ASCII (`delivery`, `session`). */
  info: string
}

/**
 * Derives a secp256k1 secret in [1, n-1] with HKDF-SHA256: 48 output bytes read big-endian,
 * reduced modulo n-1, plus one (FIPS 186-5 A.2.1 style). The 128 extra bits make the bias
 * below 2^-128, and there is no retry loop for another implementation to get wrong.
 */
export function deriveScalar({ secret, salt, info }: DeriveScalarParameters): Hex {
  const okm = hkdf(sha256, hexToBytes(secret), salt, new TextEncoder().encode(info), 48)
  const n = secp256k1.CURVE.n
  return numberToHex((bytesToBigInt(okm) % (n - 1n)) + 1n, { size: 32 })
}
