import { type PurchaseKeyParameters, purchaseKey } from './purchaseKey'
import type { KeyPair } from './types'

/** Parameters of {@link sessionKey}. */
export type SessionKeyParameters = Omit<PurchaseKeyParameters, 'info'>

/**
 * The session key pair `(b, B)` of a purchase: `b` = HKDF-SHA256(m, salt = abi.encode(uint256
 * contentId, uint256 nonce), "session", 48 bytes) mod (n-1) + 1. `B` goes into `purchase(...)`;
 * the content key is sealed to it, and a dispute reveals `b`.
 * @example
 * const { secret: b, publicKey: B } = sessionKey({ accountSecret: m, contentId, nonce: 0n })
 */
export function sessionKey(params: SessionKeyParameters): KeyPair {
  return purchaseKey({ ...params, info: 'session' })
}
