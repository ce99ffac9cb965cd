import { hmac } from '@noble/hashes/hmac'
import { sha256 } from '@noble/hashes/sha2'
import { hexToBytes } from 'viem'
import { FORMAT_VERSION, HEADER_MAC_OFFSET, HEADER_SIZE, MAGIC } from './constants'
import type { FileKeys } from './deriveFileKeys'
import type { EncryptedFileHeader } from './types'

/** Parameters of {@link encodeHeader}. */
export type EncodeHeaderParameters = {
  /** `version` is {@link FORMAT_VERSION} unless given. */
  header: Omit<EncryptedFileHeader, 'version'> & { version?: number }
  keys: Pick<FileKeys, 'keyCheck' | 'headerMacKey'>
}

/**
 * The 104 header bytes: magic, version, chunk size, plaintext length, file id, key check, and
 * the HMAC-SHA256 of all that (docs/format.md, "Header").
 */
export function encodeHeader({ header, keys }: EncodeHeaderParameters): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(HEADER_SIZE)
  const view = new DataView(bytes.buffer)
  bytes.set(MAGIC, 0)
  view.setUint32(8, header.version ?? FORMAT_VERSION)
  view.setUint32(12, header.chunkSize)
  view.setBigUint64(16, BigInt(header.plaintextLength))
  bytes.set(hexToBytes(header.fileId), 24)
  bytes.set(keys.keyCheck, 40)
  bytes.set(hmac(sha256, keys.headerMacKey, bytes.subarray(0, HEADER_MAC_OFFSET)), HEADER_MAC_OFFSET)
  return bytes
}
