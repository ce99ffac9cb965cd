import type { Hex } from 'viem'
import { sealingPad } from './sealingPad'
import type { Point } from './types'
import { xorKey } from './xorKey'

/** Parameters of {@link unsealKey}. */
export type UnsealKeyParameters = {
  /** The `sealedKey` of the `Delivered` event (32 bytes). */
  sealedKey: Hex
  /** The purchase's session secret `b` (32 bytes). */
  sessionSecret: Hex
  /** The listing's delivery public key `C`. */
  deliveryPublicKey: Point
  purchaseId: bigint
}

/**
 * Unseals a delivered content key (buyer side): `K = sealedKey xor keccak256(abi.encode(address(b·C), purchaseId))`.
 * Check the result with {@link verifyKey} against the listing's keyHash before using it.
 * @example
 * const key = unsealKey({ sealedKey, sessionSecret: session.secret, deliveryPublicKey: listing.deliveryKey, purchaseId })
 */
export function unsealKey({ sealedKey, sessionSecret, deliveryPublicKey, purchaseId }: UnsealKeyParameters): Hex {
  return xorKey(sealedKey, sealingPad({ secret: sessionSecret, publicKey: deliveryPublicKey, purchaseId }))
}
