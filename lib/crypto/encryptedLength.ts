import { chunkCount } from './chunkCount'
import { DEFAULT_CHUNK_SIZE, HEADER_SIZE, TAG_SIZE } from './constants'

/** Parameters of {@link encryptedLength}. */
export type EncryptedLengthParameters = { plaintextLength: number; chunkSize?: number }

/**
 * The size of the encrypted file for a plaintext of `plaintextLength` bytes: header + plaintext + one tag per chunk.
 * @example
 * encryptedLength({ plaintextLength: file.size }) // bytes to reserve in OPFS, or the torrent file's length
 */
export function encryptedLength({
  plaintextLength,
  chunkSize = DEFAULT_CHUNK_SIZE,
}: EncryptedLengthParameters): number {
  return HEADER_SIZE + plaintextLength + TAG_SIZE * chunkCount({ plaintextLength, chunkSize })
}
