import { type Hex, encodeAbiParameters, hexToBytes, size } from 'viem'
import { deriveScalar } from './deriveScalar'
import { InvalidParameterError } from './errors'
import { publicPoint } from './publicPoint'
import type { KeyPair } from './types'

/** Parameters of {@link sessionKey}. */
export type SessionKeyParameters = {
  /** The account secret `m`. */
  accountSecret: Hex
  /** The listing's `contentId`. */
  contentId: bigint
  /**
   * Which purchase of this listing by this account: 0 for the first, 1 for a second one (after a
   * refund), and so on. A small counter, so another device can find `b` again by trying 0, 1, 2...
   * until `b·G` equals the `B` of the `Purchased` event.
   */
  nonce: bigint
}

/**
 * The session key pair `(b, B)` of a purchase: `b` = HKDF-SHA256(m, salt = abi.encode(uint256
 * contentId, uint256 nonce), "session", 48 bytes) mod (n-1) + 1. `B` goes into `purchase(...)`.
 * @example
 * const { secret: b, publicKey: B } = sessionKey({ accountSecret: m, contentId, nonce: 0n })
 */
export function sessionKey({ accountSecret, contentId, nonce }: SessionKeyParameters): KeyPair {
  if (size(accountSecret) !== 32) throw new InvalidParameterError({ reason: 'the account secret must be 32 bytes' })
  const salt = encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [contentId, nonce])
  const secret = deriveScalar({ secret: accountSecret, salt: hexToBytes(salt), info: 'session' })
  return { secret, publicKey: publicPoint(secret) }
}
