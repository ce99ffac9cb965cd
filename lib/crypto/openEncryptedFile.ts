import { hmac } from '@noble/hashes/hmac'
import { sha256 } from '@noble/hashes/sha2'
import type { Hex } from 'viem'
import { HEADER_MAC_OFFSET, HEADER_SIZE } from './constants'
import { decodeHeader } from './decodeHeader'
import { deriveFileKeys } from './deriveFileKeys'
import { encryptedLength } from './encryptedLength'
import { CorruptedHeaderError, FileMismatchError, TrailingDataError, TruncatedFileError, WrongKeyError } from './errors'
import { equalBytes } from './equalBytes'
import type { ByteSource, EncryptedFile } from './types'

/** Parameters of {@link openEncryptedFile}. */
export type OpenEncryptedFileParameters = {
  /** The content key `K`. */
  key: Hex
  /** The file id the manifest gives for this file; refuses a file swapped in from elsewhere. */
  fileId?: Hex
}

/**
 * Opens an encrypted file for reading: reads the header, checks that `key` is this file's key,
 * that the header is intact and that the source has exactly the size the header implies.
 * Open once per file, then call {@link readRange} or {@link decryptStream} as often as needed.
 * @throws NotEncryptedFileError, UnknownVersionError, WrongKeyError, CorruptedHeaderError,
 *   TruncatedFileError, TrailingDataError, FileMismatchError
 * @example
 * const file = await openEncryptedFile(blobSource(blob), { key })
 * const bytes = await readRange(file, { start: 1_000_000, end: 2_000_000 })
 */
export async function openEncryptedFile(
  source: ByteSource,
  { key, fileId }: OpenEncryptedFileParameters,
): Promise<EncryptedFile> {
  const headerBytes = new Uint8Array(await source.read(0, Math.min(HEADER_SIZE, source.size)))
  const { header, keyCheck, headerMac } = decodeHeader(headerBytes)
  const keys = await deriveFileKeys({ key, fileId: header.fileId })
  if (!equalBytes(keys.keyCheck, keyCheck)) throw new WrongKeyError()
  if (!equalBytes(hmac(sha256, keys.headerMacKey, headerBytes.subarray(0, HEADER_MAC_OFFSET)), headerMac))
    throw new CorruptedHeaderError()
  if (fileId !== undefined && fileId.toLowerCase() !== header.fileId)
    throw new FileMismatchError({ expected: fileId.toLowerCase(), actual: header.fileId })
  const expected = encryptedLength(header)
  if (source.size < expected) throw new TruncatedFileError({ expected, actual: source.size })
  if (source.size > expected) throw new TrailingDataError({ expected, actual: source.size })
  return { source, header, size: header.plaintextLength, aesKey: keys.aesKey, headerBytes }
}
