import { chunkCount } from './chunkCount'
import { cipherChunks } from './cipherChunks'
import { TAG_SIZE } from './constants'
import { dataOffset } from './dataOffset'
import type { ChunkPool } from './createChunkPool'
import { TruncatedFileError } from './errors'
import type { EncryptedFile } from './types'

/** Parameters of {@link decryptChunks}. */
export type DecryptChunksParameters = {
  /** Index of the first chunk. */
  first: number
  /** How many consecutive chunks. */
  count: number
  /** Workers to decrypt on (sharedChunkPool()); on this thread without. */
  pool?: ChunkPool
}

/**
 * Decrypts consecutive chunks with one read of their ciphertext, on a worker of `pool` or on
 * this thread. Returns one plaintext per chunk.
 * @throws CorruptedChunkError (with the chunk's index), TruncatedFileError
 */
export async function decryptChunks(
  file: EncryptedFile,
  { first, count, pool }: DecryptChunksParameters,
): Promise<Uint8Array[]> {
  const { chunkSize, plaintextLength } = file.header
  const total = chunkCount(file.header)
  const stride = chunkSize + TAG_SIZE
  const start = dataOffset(file.header)
  const offset = start + first * stride
  const end = Math.min(start + plaintextLength + TAG_SIZE * (first + count), offset + count * stride)
  const ciphertext = await file.source.read(offset, end - offset)
  if (ciphertext.length < end - offset)
    throw new TruncatedFileError({ expected: end, actual: offset + ciphertext.length })
  const data = ciphertext.subarray(0, end - offset)
  const { aesKey: key, headerBytes } = file
  const plaintexts = await cipherChunks(pool, { mode: 'decrypt', key, headerBytes, first, count, total, data, stride })
  return plaintexts.map((plaintext) => new Uint8Array(plaintext))
}
