import { hkdf } from '@noble/hashes/hkdf'
import { sha256 } from '@noble/hashes/sha2'
import { type Hex, bytesToHex, hexToBytes, size } from 'viem'
import { InvalidParameterError } from './errors'

/** Parameters of {@link contentKey}. */
export type ContentKeyParameters = {
  /** The account secret `m`. */
  accountSecret: Hex
  /** The listing's public random salt (32 bytes). */
  salt: Hex
}

/**
 * The content key `K` of a listing: `HKDF-SHA256(IKM = m, salt = listing salt, info = "content", 32)`.
 * The creator re-derives it on any device from one signature and the listing's salt.
 * @example
 * const key = contentKey({ accountSecret: m, salt: listing.salt })
 */
export function contentKey({ accountSecret, salt }: ContentKeyParameters): Hex {
  if (size(accountSecret) !== 32) throw new InvalidParameterError({ reason: 'the account secret must be 32 bytes' })
  if (size(salt) !== 32) throw new InvalidParameterError({ reason: 'a listing salt must be 32 bytes' })
  return bytesToHex(hkdf(sha256, hexToBytes(accountSecret), hexToBytes(salt), new TextEncoder().encode('content'), 32))
}
