import type { Hex } from 'viem'
import { sealingPad } from './sealingPad'
import type { Point } from './types'
import { xorKey } from './xorKey'

/** Parameters of {@link sealKey}. */
export type SealKeyParameters = {
  /** The content key `K` (32 bytes). */
  key: Hex
  /** The listing's delivery secret `c` (32 bytes). */
  deliverySecret: Hex
  /** The buyer's session public key `B`, from the `Purchased` event. */
  sessionPublicKey: Point
  purchaseId: bigint
}

/**
 * Seals a content key to one purchase (creator side): `sealedKey = K xor keccak256(abi.encode(address(c·B), purchaseId))`.
 * The result goes to `deliver(purchaseId, sealedKey)`.
 * @example
 * const sealed = sealKey({ key, deliverySecret: delivery.secret, sessionPublicKey: { x: Bx, y: By }, purchaseId })
 */
export function sealKey({ key, deliverySecret, sessionPublicKey, purchaseId }: SealKeyParameters): Hex {
  return xorKey(key, sealingPad({ secret: deliverySecret, publicKey: sessionPublicKey, purchaseId }))
}
