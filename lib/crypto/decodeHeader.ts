import { bytesToHex } from 'viem'
import { ALIGNED_FORMAT_VERSION, FORMAT_VERSION, HEADER_SIZE, MAGIC, MAX_CHUNK_SIZE, TAG_SIZE } from './constants'
import { CorruptedHeaderError, NotEncryptedFileError, TruncatedFileError, UnknownVersionError } from './errors'
import type { EncryptedFileHeader } from './types'

/** A header as read from the bytes, before any key has checked it. */
export type DecodedHeader = {
  header: EncryptedFileHeader
  keyCheck: Uint8Array
  headerMac: Uint8Array
}

/**
 * Reads the header fields without a key (the plaintext size, say). Nothing in it is trusted
 * until {@link openEncryptedFile} has checked its MAC.
 * @throws NotEncryptedFileError, UnknownVersionError, TruncatedFileError, CorruptedHeaderError
 */
export function decodeHeader(bytes: Uint8Array): DecodedHeader {
  if (MAGIC.some((byte, i) => i < bytes.length && bytes[i] !== byte)) throw new NotEncryptedFileError()
  if (bytes.length < 12) throw new TruncatedFileError({ expected: HEADER_SIZE, actual: bytes.length })
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const version = view.getUint32(8)
  // The version comes before every other field: a later version may lay the rest out differently.
  if (version !== FORMAT_VERSION && version !== ALIGNED_FORMAT_VERSION) throw new UnknownVersionError({ version })
  if (bytes.length < HEADER_SIZE) throw new TruncatedFileError({ expected: HEADER_SIZE, actual: bytes.length })
  const chunkSize = view.getUint32(12)
  const plaintextLength = view.getBigUint64(16)
  // Version 2 pads the header to one stride: a stride shorter than the header cannot be.
  const tooSmall = version === ALIGNED_FORMAT_VERSION ? chunkSize + TAG_SIZE < HEADER_SIZE : chunkSize < 1
  if (tooSmall || chunkSize > MAX_CHUNK_SIZE || plaintextLength > BigInt(Number.MAX_SAFE_INTEGER))
    throw new CorruptedHeaderError()
  return {
    header: {
      version,
      chunkSize,
      plaintextLength: Number(plaintextLength),
      fileId: bytesToHex(bytes.subarray(24, 40)),
    },
    keyCheck: bytes.slice(40, 72),
    headerMac: bytes.slice(72, 104),
  }
}
