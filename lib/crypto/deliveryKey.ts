import { type Hex, hexToBytes, size } from 'viem'
import { deriveScalar } from './deriveScalar'
import { InvalidParameterError } from './errors'
import { publicPoint } from './publicPoint'
import type { KeyPair } from './types'

/** Parameters of {@link deliveryKey}. */
export type DeliveryKeyParameters = {
  /** The account secret `m`. */
  accountSecret: Hex
  /** The listing's salt (32 bytes), the same one {@link contentKey} takes. */
  salt: Hex
}

/**
 * The delivery key pair `(c, C)` of a listing: `c` = HKDF-SHA256(m, salt, "delivery", 48 bytes)
 * mod (n-1) + 1 (see {@link deriveScalar}). `C` goes into `list(...)`; `c` seals keys for buyers.
 * @example
 * const { secret: c, publicKey: C } = deliveryKey({ accountSecret: m, salt })
 */
export function deliveryKey({ accountSecret, salt }: DeliveryKeyParameters): KeyPair {
  if (size(accountSecret) !== 32) throw new InvalidParameterError({ reason: 'the account secret must be 32 bytes' })
  if (size(salt) !== 32) throw new InvalidParameterError({ reason: 'a listing salt must be 32 bytes' })
  const secret = deriveScalar({ secret: accountSecret, salt: hexToBytes(salt), info: 'delivery' })
  return { secret, publicKey: publicPoint(secret) }
}
