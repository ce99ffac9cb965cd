import { secp256k1 } from '@noble/curves/secp256k1'
import { hkdf } from '@noble/hashes/hkdf'
import { sha256 } from '@noble/hashes/sha2'
import { type Hex, bytesToHex, concat, hexToBigInt, hexToBytes, numberToHex, size, slice } from 'viem'
import { InvalidParameterError } from './errors'

/** Parameters of {@link accountSecret}. */
export type AccountSecretParameters = {
  /** The wallet's EIP-191 signature of {@link accountMessage}: 65 bytes `r || s || v` (or 64, EIP-2098). */
  signature: Hex
}

/**
 * The account secret `m` (32 bytes) from the wallet's signature of {@link accountMessage}:
 * `m = HKDF-SHA256(IKM = r || s', salt = "", info = "account", 32)` where `s'` is `s` folded into the
 * lower half of the curve order. `v` and the high/low-s form are left out because wallets
 * write them differently for the same deterministic (RFC 6979) signature.
 */
export function accountSecret({ signature }: AccountSecretParameters): Hex {
  const length = size(signature)
  if (length !== 65 && length !== 64)
    throw new InvalidParameterError({ reason: 'an account signature must be 64 or 65 bytes' })
  const r = slice(signature, 0, 32)
  const n = secp256k1.CURVE.n
  let s = hexToBigInt(slice(signature, 32, 64))
  // EIP-2098 compact signatures carry the parity bit in the top bit of s.
  if (length === 64) s &= (1n << 255n) - 1n
  if (s > n / 2n) s = n - s
  const ikm = hexToBytes(concat([r, numberToHex(s, { size: 32 })]))
  return bytesToHex(hkdf(sha256, ikm, new Uint8Array(0), new TextEncoder().encode('account'), 32))
}
