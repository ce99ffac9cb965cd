import { hkdf } from '@noble/hashes/hkdf'
import { sha256 } from '@noble/hashes/sha2'
import { type Hex, hexToBytes, size } from 'viem'
import { InvalidParameterError } from './errors'

/** Parameters of {@link deriveFileKeys}. */
export type DeriveFileKeysParameters = {
  /** The content key `K` (32 bytes). */
  key: Hex
  /** The file's 16-byte id, from its header. */
  fileId: Hex
}

/** The keys of one file, all derived from `K` and the file id. */
export type FileKeys = {
  /** AES-256-GCM key of the chunks (non-extractable). */
  aesKey: CryptoKey
  /** Commitment to `K` stored in the header, so a wrong key is told apart from damage. */
  keyCheck: Uint8Array
  /** HMAC-SHA256 key of the header MAC. */
  headerMacKey: Uint8Array
}

const info = (text: string) => new TextEncoder().encode(text)

/**
 * Derives the per-file keys: HKDF-SHA256(IKM = K, salt = fileId, info) with info `chunk key`,
 * `key check` and `header mac`. A fresh file id gives a fresh AES key, so chunk nonces
 * (the chunk index) never repeat under one key, even when one K encrypts many files.
 */
export async function deriveFileKeys({ key, fileId }: DeriveFileKeysParameters): Promise<FileKeys> {
  if (size(key) !== 32) throw new InvalidParameterError({ reason: 'a content key must be 32 bytes' })
  if (size(fileId) !== 16) throw new InvalidParameterError({ reason: 'a file id must be 16 bytes' })
  const ikm = hexToBytes(key)
  const salt = hexToBytes(fileId)
  const raw = new Uint8Array(hkdf(sha256, ikm, salt, info('chunk key'), 32))
  const aesKey = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt'])
  raw.fill(0)
  return {
    aesKey,
    keyCheck: hkdf(sha256, ikm, salt, info('key check'), 32),
    headerMacKey: hkdf(sha256, ikm, salt, info('header mac'), 32),
  }
}
