import type { Hex } from 'viem'
import { type Point, unsealKey, verifyKey } from '../crypto'
import { WrongKeyDeliveredError } from './errors'

/** Parameters of {@link openDelivery}. */
export type OpenDeliveryParameters = {
  sealedKey: Hex
  sessionSecret: Hex
  deliveryPublicKey: Point
  purchaseId: bigint
  keyHash: Hex
}

/**
 * Unseals a delivered key with the purchase's session secret and checks it against the
 * listing's keyHash.
 * @throws WrongKeyDeliveredError when it does not match (the buyer may dispute).
 */
export function openDelivery({
  sealedKey,
  sessionSecret,
  deliveryPublicKey,
  purchaseId,
  keyHash,
}: OpenDeliveryParameters): Hex {
  const key = unsealKey({ sealedKey, sessionSecret, deliveryPublicKey, purchaseId })
  if (!verifyKey({ key, keyHash })) throw new WrongKeyDeliveredError(purchaseId)
  return key
}
