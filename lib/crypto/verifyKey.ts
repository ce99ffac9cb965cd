import { type Hex, size } from 'viem'
import { keyHash as hashOf } from './keyHash'

/** Parameters of {@link verifyKey}. */
export type VerifyKeyParameters = {
  /** The candidate content key (for instance, just unsealed). */
  key: Hex
  /** The listing's on-chain `keyHash`. */
  keyHash: Hex
}

/**
 * Whether `key` is the content key the listing committed to. False (not an error) for a
 * malformed key, so the buyer's tab can dispute any delivery that does not verify.
 */
export function verifyKey({ key, keyHash }: VerifyKeyParameters): boolean {
  if (size(key) !== 32) return false
  return hashOf(key) === keyHash.toLowerCase()
}
