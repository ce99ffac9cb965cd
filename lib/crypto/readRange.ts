import { decryptChunks } from './decryptChunks'
import { InvalidParameterError } from './errors'
import type { EncryptedFile } from './types'

/** Parameters of {@link readRange}: a plaintext byte range, `end` exclusive (as `Blob.slice`). */
export type ReadRangeParameters = { start: number; end: number }

/**
 * Decrypts the plaintext bytes [start, end) of an opened file, reading and decrypting only the
 * chunks that cover them. For a large range (a whole file) use {@link decryptStream} instead.
 * @throws CorruptedChunkError, TruncatedFileError, InvalidParameterError (range outside the file)
 * @example
 * // HTTP `Range: bytes=1000-1999` is inclusive; readRange's end is not.
 * const bytes = await readRange(file, { start: 1000, end: 2000 })
 */
export async function readRange(file: EncryptedFile, { start, end }: ReadRangeParameters): Promise<Uint8Array> {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end > file.size)
    throw new InvalidParameterError({ reason: `range [${start}, ${end}) is not within the file's ${file.size} bytes` })
  if (start === end) return new Uint8Array(0)
  const { chunkSize } = file.header
  const first = Math.floor(start / chunkSize)
  const last = Math.floor((end - 1) / chunkSize)
  const chunks = await decryptChunks(file, { first, count: last - first + 1 })
  if (chunks.length === 1) return chunks[0]!.subarray(start - first * chunkSize, end - first * chunkSize)
  const out = new Uint8Array(end - start)
  let written = 0
  chunks.forEach((chunk, i) => {
    const chunkStart = (first + i) * chunkSize
    const piece = chunk.subarray(Math.max(0, start - chunkStart), Math.min(chunk.length, end - chunkStart))
    out.set(piece, written)
    written += piece.length
  })
  return out
}
