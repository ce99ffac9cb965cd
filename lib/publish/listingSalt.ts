import { hkdf } from '@noble/hashes/hkdf'
import { sha256 } from '@noble/hashes/sha2'
import { type Hex, bytesToHex, hexToBytes, size } from 'viem'
import { PublishError } from './errors'

/** Parameters of {@link listingSalt}. */
export type ListingSaltParameters = {
  /** The account secret `m` (32 bytes). */
  accountSecret: Hex
  /** The creator's listing counter: 0 for the first paid listing, 1 for the next, ... */
  index: number
}

const info = new TextEncoder().encode('keyswarm listing salt')

/**
 * The salt of a creator's `index`-th paid listing:
 * `HKDF-SHA256(IKM = m, salt = empty, info = "keyswarm listing salt" || uint32BE(index), L = 32)`.
 * Deterministic, so one signature (which gives `m`) finds every listing's `K` and `c` again on a
 * new device by trying index 0, 1, 2, ... against the `Listed` events (see docs/format.md).
 * @example
 * const salt = listingSalt({ accountSecret: m, index: 0 })
 * const key = contentKey({ accountSecret: m, salt })
 */
export function listingSalt({ accountSecret, index }: ListingSaltParameters): Hex {
  if (size(accountSecret) !== 32) throw new PublishError('The account secret must be 32 bytes.')
  if (!Number.isInteger(index) || index < 0 || index > 0xffffffff) {
    throw new PublishError(`A listing salt index must be a whole number from 0 to 2^32-1, not ${index}.`)
  }
  const label = new Uint8Array(info.length + 4)
  label.set(info)
  new DataView(label.buffer).setUint32(info.length, index)
  return bytesToHex(hkdf(sha256, hexToBytes(accountSecret), new Uint8Array(0), label, 32))
}
