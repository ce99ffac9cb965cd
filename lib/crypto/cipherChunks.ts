import { chunkNonce } from './chunkNonce'
import type { ChunkPool } from './createChunkPool'
import { CorruptedChunkError, CryptoError } from './errors'
import { joinBytes } from './joinBytes'

/** Parameters of {@link cipherChunks}. */
export type CipherChunksParameters = {
  mode: 'encrypt' | 'decrypt'
  /** The file's AES-256-GCM key. */
  key: CryptoKey
  /** The file's header, authenticated with every chunk. */
  headerBytes: Uint8Array
  /** Index of the first chunk in `data`. */
  first: number
  /** How many chunks `data` holds. */
  count: number
  /** Chunks in the whole file: the last one gets the last-chunk nonce. */
  total: number
  /** The chunks back to back: plaintexts to encrypt, or ciphertexts with their tags to decrypt. */
  data: Uint8Array
  /** Bytes of each chunk in `data` (the file's last chunk may be shorter). */
  stride: number
  /** One output with every chunk's back to back (joined on the worker when there is one). */
  join?: boolean
  /** `data` is not used again by the caller: a worker may take its buffer instead of a copy. */
  handOver?: boolean
}

/**
 * AES-GCM over a batch of consecutive chunks, each with its nonce (docs/format.md): on a worker
 * of `pool` when there is one, else here. Returns one output per chunk (ciphertext and tag, or
 * plaintext), or with `join` a single output holding them all.
 * @throws CorruptedChunkError (with the chunk's index) when a chunk does not decrypt
 */
export async function cipherChunks(
  pool: ChunkPool | undefined,
  { mode, key, headerBytes, first, count, total, data, stride, join = false, handOver = false }: CipherChunksParameters,
): Promise<ArrayBuffer[]> {
  const lengths = Array.from({ length: count }, (_, i) => Math.max(0, Math.min(stride, data.length - i * stride)))
  const nonces = new Uint8Array(12 * count)
  for (let i = 0; i < count; i++) nonces.set(chunkNonce(first + i, first + i === total - 1), 12 * i)
  const failed = (piece: number, cause: unknown) =>
    mode === 'decrypt'
      ? new CorruptedChunkError({ index: first + piece, cause })
      : new CryptoError(`Part ${first + piece} of this file could not be encrypted.`, { cause })

  if (pool) {
    try {
      const result = await pool.run({ mode, key, additionalData: headerBytes, nonces, data, lengths, join, handOver })
      if ('piece' in result) throw failed(result.piece, result.cause)
      return result.outputs
    } catch (error) {
      // Workers forbidden here (found out on the first job): the same work on this thread.
      if (!pool.unavailable) throw error
    }
  }
  const outputs: Promise<ArrayBuffer>[] = []
  for (let i = 0, offset = 0; i < count; offset += lengths[i]!, i++) {
    const params = { name: 'AES-GCM', iv: nonces.subarray(12 * i, 12 * i + 12), additionalData: headerBytes }
    const input = data.subarray(offset, offset + lengths[i]!) as Uint8Array<ArrayBuffer>
    outputs.push(crypto.subtle[mode](params, key, input))
  }
  // Every chunk settles first, so the error names the first bad chunk, not the first to fail.
  const settled = await Promise.allSettled(outputs)
  const bad = settled.findIndex((result) => result.status === 'rejected')
  if (bad >= 0) throw failed(bad, (settled[bad] as PromiseRejectedResult).reason)
  const results = settled.map((result) => (result as PromiseFulfilledResult<ArrayBuffer>).value)
  return join ? [joinBytes(results).buffer] : results
}
