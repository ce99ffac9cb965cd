import { chunkCount } from './chunkCount'
import { DEFAULT_CHUNK_SIZE, FORMAT_VERSION, TAG_SIZE } from './constants'
import { dataOffset } from './dataOffset'

/** Parameters of {@link encryptedLength}. */
export type EncryptedLengthParameters = { plaintextLength: number; chunkSize?: number; version?: number }

/**
 * The size of the encrypted file for a plaintext of `plaintextLength` bytes: header (padded to a
 * stride in version 2) + plaintext + one tag per chunk.
 * @example
 * encryptedLength({ plaintextLength: file.size }) // bytes to reserve in OPFS, or the torrent file's length
 */
export function encryptedLength({
  plaintextLength,
  chunkSize = DEFAULT_CHUNK_SIZE,
  version = FORMAT_VERSION,
}: EncryptedLengthParameters): number {
  return dataOffset({ version, chunkSize }) + plaintextLength + TAG_SIZE * chunkCount({ plaintextLength, chunkSize })
}
