import { batchChunks } from './batchChunks'
import { decryptChunks } from './decryptChunks'
import { InvalidParameterError } from './errors'
import { sharedChunkPool } from './sharedChunkPool'
import type { EncryptedFile } from './types'

/** Parameters of {@link decryptStream}: an optional plaintext range, `end` exclusive. */
export type DecryptStreamParameters = {
  /** First plaintext byte (default 0). */
  start?: number
  /** End of the range, exclusive (default: the end of the file). */
  end?: number
  /** Batches of about 512 KiB to read and decrypt ahead of the consumer (default 6): enough to keep two decrypting workers busy while the consumer is away. */
  readAhead?: number
}

/**
 * Decrypts a whole file, or a range of it, as a stream of plaintext: memory stays at a few
 * batches of chunks however large the file. Errors (a corrupted chunk...) error the stream.
 * @example
 * // Save to disk
 * const file = await openEncryptedFile(source, { key })
 * await decryptStream(file).pipeTo(await saveHandle.createWritable())
 */
export function decryptStream(
  file: EncryptedFile,
  { start = 0, end = file.size, readAhead = 6 }: DecryptStreamParameters = {},
): ReadableStream<Uint8Array> {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end > file.size)
    throw new InvalidParameterError({ reason: `range [${start}, ${end}) is not within the file's ${file.size} bytes` })
  const { chunkSize } = file.header
  const batch = batchChunks(chunkSize)
  const lastChunk = end === start ? -1 : Math.floor((end - 1) / chunkSize)
  let next = Math.floor(start / chunkSize)
  const pending: Promise<Uint8Array[]>[] = []
  // Workers pay off past one batch; a short range is done before one would start.
  const pool = lastChunk - next + 1 > batch ? sharedChunkPool() : undefined

  const fill = () => {
    while (pending.length < Math.max(1, readAhead) && next <= lastChunk) {
      const count = Math.min(batch, lastChunk - next + 1)
      const promise = decryptChunks(file, { first: next, count, pool })
      // Batches read ahead may fail after the consumer has gone; it learns of errors in order.
      promise.catch(() => undefined)
      pending.push(promise)
      next += count
    }
  }

  let position = Math.floor(start / chunkSize) * chunkSize
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      fill()
      const head = pending.shift()
      if (!head) return controller.close()
      const chunks = await head
      fill()
      // Chunks go out as they are, without a copy into bigger pieces: copying costs a third of
      // the throughput, and a consumer that needs big writes can gather them as it likes.
      for (const chunk of chunks) {
        const piece = chunk.subarray(Math.max(0, start - position), Math.min(chunk.length, end - position))
        position += chunk.length
        if (piece.length > 0) controller.enqueue(piece)
      }
      if (next > lastChunk && pending.length === 0) controller.close()
    },
    cancel() {
      pending.length = 0
    },
  })
}
