import { secp256k1 } from '@noble/curves/secp256k1'
import { type Hex, hexToBigInt, size } from 'viem'
import { InvalidParameterError } from './errors'

/**
 * Reads a 32-byte secp256k1 secret as a scalar, checking it lies in [1, n-1].
 * @throws InvalidParameterError when it is not 32 bytes or out of range.
 */
export function secretScalar(secret: Hex): bigint {
  if (size(secret) !== 32) throw new InvalidParameterError({ reason: 'a secp256k1 secret must be 32 bytes' })
  const scalar = hexToBigInt(secret)
  if (scalar <= 0n || scalar >= secp256k1.CURVE.n)
    throw new InvalidParameterError({ reason: 'a secp256k1 secret must lie in [1, n-1]' })
  return scalar
}
