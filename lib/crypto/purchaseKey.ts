import { type Hex, encodeAbiParameters, hexToBytes, size } from 'viem'
import { deriveScalar } from './deriveScalar'
import { InvalidParameterError } from './errors'
import { publicPoint } from './publicPoint'
import type { KeyPair } from './types'

/** Parameters of {@link purchaseKey}. */
export type PurchaseKeyParameters = {
  /** The account secret `m`. */
  accountSecret: Hex
  /** The listing's `contentId`. */
  contentId: bigint
  /**
   * Which purchase of this listing by this account: 0 for the first, 1 for a second one (after a
   * refund), and so on. A small counter, so another device can find the keys again by trying 0, 1,
   * 2... until `b·G` equals the `B` of the `Purchased` event.
   */
  nonce: bigint
  /** HKDF info naming the key's role: `session` or `receipt`. */
  info: 'session' | 'receipt'
}

/**
 * A key pair of one purchase: scalar(m, salt = abi.encode(uint256 contentId, uint256 nonce), info).
 * The session key and the receipt key differ only by `info`, so neither reveals the other.
 */
export function purchaseKey({ accountSecret, contentId, nonce, info }: PurchaseKeyParameters): KeyPair {
  if (size(accountSecret) !== 32) throw new InvalidParameterError({ reason: 'the account secret must be 32 bytes' })
  const salt = encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [contentId, nonce])
  const secret = deriveScalar({ secret: accountSecret, salt: hexToBytes(salt), info })
  return { secret, publicKey: publicPoint(secret) }
}
