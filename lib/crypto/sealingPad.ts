import { secp256k1 } from '@noble/curves/secp256k1'
import { type Hex, encodeAbiParameters, keccak256 } from 'viem'
import { InvalidPointError } from './errors'
import { pointAddress } from './pointAddress'
import { secretScalar } from './secretScalar'
import type { Point } from './types'

/** Parameters of {@link sealingPad}. */
export type SealingPadParameters = {
  /** Our secret: the delivery secret `c` (creator) or the session secret `b` (buyer). */
  secret: Hex
  /** The other side's public point: the session key `B` (creator) or the delivery key `C` (buyer). */
  publicKey: Point
  purchaseId: bigint
}

/**
 * The one-time pad that seals a content key for one purchase, as the contract recomputes it:
 * `S = secret·publicKey`, `shared = address(S)`, `pad = keccak256(abi.encode(address shared, uint256 purchaseId))`.
 * @throws InvalidPointError when `publicKey` is not on the curve.
 */
export function sealingPad({ secret, publicKey, purchaseId }: SealingPadParameters): Hex {
  const scalar = secretScalar(secret)
  let point
  try {
    point = secp256k1.ProjectivePoint.fromAffine(publicKey)
    point.assertValidity()
  } catch (cause) {
    throw new InvalidPointError({ cause })
  }
  const shared = point.multiply(scalar).toAffine()
  return keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [pointAddress(shared), purchaseId]))
}
