import { type Hex, encodeAbiParameters, keccak256, size } from 'viem'
import { InvalidParameterError } from './errors'

/**
 * The on-chain commitment to a content key: `keccak256(abi.encode(bytes32 K))` (equal to
 * keccak256 of the 32 key bytes). Listed as the listing's `keyHash`.
 */
export function keyHash(key: Hex): Hex {
  if (size(key) !== 32) throw new InvalidParameterError({ reason: 'a content key must be 32 bytes' })
  return keccak256(encodeAbiParameters([{ type: 'bytes32' }], [key]))
}
