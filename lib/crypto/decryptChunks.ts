import { chunkCount } from './chunkCount'
import { chunkNonce } from './chunkNonce'
import { HEADER_SIZE, TAG_SIZE } from './constants'
import { CorruptedChunkError, TruncatedFileError } from './errors'
import type { EncryptedFile } from './types'

/** Parameters of {@link decryptChunks}. */
export type DecryptChunksParameters = {
  /** Index of the first chunk. */
  first: number
  /** How many consecutive chunks. */
  count: number
}

/**
 * Decrypts consecutive chunks with one read of their ciphertext and concurrent AES-GCM calls
 * (WebCrypto runs them off the main thread). Returns one plaintext per chunk.
 * @throws CorruptedChunkError (with the chunk's index), TruncatedFileError
 */
export async function decryptChunks(
  file: EncryptedFile,
  { first, count }: DecryptChunksParameters,
): Promise<Uint8Array[]> {
  const { chunkSize, plaintextLength } = file.header
  const total = chunkCount(file.header)
  const stride = chunkSize + TAG_SIZE
  const offset = HEADER_SIZE + first * stride
  const end = Math.min(HEADER_SIZE + plaintextLength + TAG_SIZE * (first + count), offset + count * stride)
  const ciphertext = await file.source.read(offset, end - offset)
  if (ciphertext.length < end - offset)
    throw new TruncatedFileError({ expected: end, actual: offset + ciphertext.length })
  const chunks: Promise<Uint8Array>[] = []
  for (let i = 0; i < count; i++) {
    const index = first + i
    const sealed = ciphertext.subarray(i * stride, Math.min((i + 1) * stride, ciphertext.length))
    const params = { name: 'AES-GCM', iv: chunkNonce(index, index === total - 1), additionalData: file.headerBytes }
    chunks.push(
      crypto.subtle.decrypt(params, file.aesKey, sealed as Uint8Array<ArrayBuffer>).then(
        (plain) => new Uint8Array(plain),
        (cause: unknown) => {
          throw new CorruptedChunkError({ index, cause })
        },
      ),
    )
  }
  return Promise.all(chunks)
}
