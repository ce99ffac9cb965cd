import { type Hex, bytesToHex } from 'viem'
import { batchChunks } from './batchChunks'
import { blobSource } from './blobSource'
import { chunkCount } from './chunkCount'
import { cipherChunks } from './cipherChunks'
import { ALIGNED_FORMAT_VERSION, DEFAULT_CHUNK_SIZE, FORMAT_VERSION, HEADER_SIZE, MAX_CHUNK_SIZE, TAG_SIZE } from './constants'
import { dataOffset } from './dataOffset'
import { deriveFileKeys } from './deriveFileKeys'
import { encodeHeader } from './encodeHeader'
import { sharedChunkPool } from './sharedChunkPool'
import { CryptoError, InvalidParameterError } from './errors'
import type { ByteSource, Progress } from './types'

/**
 * Plaintext bytes read and in AES-GCM at once, the batch being written included: with 64 KiB
 * chunks, six batches: two on each worker of the pool (sharedChunkPool) with room to spare, ~6 MiB held.
 */
const PIPELINE_BYTES = 3 * 1024 * 1024

/** Writes handed to the sink and not yet done, at most: one being written, one waiting. */
const WRITES_QUEUED = 2

/** Parameters of {@link encryptFile}. */
export type EncryptFileParameters = {
  /** The content key `K`. */
  key: Hex
  /**
   * Where the ciphertext goes: an OPFS `FileSystemWritableFileStream`, any `WritableStream`,
   * or in Node `Writable.toWeb(fs.createWriteStream(path))`. Closed at the end, aborted on error.
   */
  sink: WritableStream<Uint8Array>
  /** Plaintext bytes per chunk (default 64 KiB), recorded in the header. */
  chunkSize?: number
  /**
   * 2 pads the header to one stride (chunk size + tag), so that with a stride equal to the
   * torrent's piece length no chunk straddles two pieces (docs/format.md); 1 by default.
   */
  version?: typeof FORMAT_VERSION | typeof ALIGNED_FORMAT_VERSION
  /** The file's 16-byte id; random unless given (test vectors). Never reuse one under the same key. */
  fileId?: Hex
  /** Called after each batch of about 512 KiB; throttle UI updates yourself. */
  onProgress?: (progress: Progress) => void
  signal?: AbortSignal
}

/** What {@link encryptFile} wrote. */
export type EncryptFileReturnType = {
  fileId: Hex
  chunkSize: number
  plaintextLength: number
  /** Bytes written to the sink. */
  ciphertextLength: number
}

/**
 * Encrypts a file into a sink, streaming: reads ~512 KiB at a time, keeps a few such batches in
 * AES-GCM at once while earlier ones are written, and waits for the sink, so memory stays at a
 * few MiB (~6 MiB held, measured) whatever the file's size. Never reads the whole file.
 * @example
 * const handle = await (await navigator.storage.getDirectory()).getFileHandle(opaqueName(fileId), { create: true })
 * const { fileId } = await encryptFile(file, { key, sink: await handle.createWritable(), onProgress })
 */
export async function encryptFile(
  input: Blob | ByteSource,
  { key, sink, chunkSize = DEFAULT_CHUNK_SIZE, version = FORMAT_VERSION, fileId, onProgress, signal }: EncryptFileParameters,
): Promise<EncryptFileReturnType> {
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE)
    throw new InvalidParameterError({ reason: `chunk size ${chunkSize} is not within [1, ${MAX_CHUNK_SIZE}]` })
  if (version !== FORMAT_VERSION && version !== ALIGNED_FORMAT_VERSION)
    throw new InvalidParameterError({ reason: `format version ${version} is not 1 or 2` })
  if (version === ALIGNED_FORMAT_VERSION && chunkSize + TAG_SIZE < HEADER_SIZE)
    throw new InvalidParameterError({ reason: `a version 2 stride (chunk size + ${TAG_SIZE}) must hold the ${HEADER_SIZE}-byte header` })
  const source = input instanceof Blob ? blobSource(input) : input
  const id = fileId ?? bytesToHex(crypto.getRandomValues(new Uint8Array(16)))
  const plaintextLength = source.size
  const keys = await deriveFileKeys({ key, fileId: id })
  const headerBytes = encodeHeader({ header: { version, chunkSize, plaintextLength, fileId: id }, keys })
  const total = chunkCount({ plaintextLength, chunkSize })
  const batch = batchChunks(chunkSize)
  const depth = Math.max(2, Math.floor(PIPELINE_BYTES / (batch * chunkSize)))
  // Workers pay off past one batch; a manifest or a small file is done before one would start.
  const pool = total > batch ? sharedChunkPool() : undefined

  // Each write to an OPFS file is an IPC round trip: 64 KiB writes run at half the speed of
  // 512 KiB ones, so OPFS gets one write per batch, joined by the worker that encrypted it (not
  // copied again on this thread). Other sinks get the chunks as they are.
  const coalesce = typeof FileSystemWritableFileStream !== 'undefined' && sink instanceof FileSystemWritableFileStream

  const encryptBatch = async (first: number): Promise<ArrayBuffer[]> => {
    signal?.throwIfAborted()
    const offset = first * chunkSize
    const length = Math.min(batch * chunkSize, plaintextLength - offset)
    const plaintext = await source.read(offset, length)
    if (plaintext.length !== length)
      throw new CryptoError(`The file changed or could not be read while it was being encrypted (at byte ${offset}).`)
    const count = Math.min(batch, total - first)
    const { aesKey: key } = keys
    return cipherChunks(pool, {
      join: coalesce,
      // A Blob's read is a fresh buffer of its own: the worker takes it instead of a copy.
      handOver: input instanceof Blob,
      mode: 'encrypt',
      key,
      headerBytes,
      first,
      count,
      total,
      data: plaintext,
      stride: chunkSize,
    })
  }

  const writer = sink.getWriter()
  // Writes are queued, not awaited one by one: the sink always has the next one when a write ends
  // (an OPFS write is an IPC round trip, and the gap between two was idle disk time).
  const writing: Promise<void>[] = []
  const write = async (bytes: Uint8Array) => {
    const promise = writer.write(bytes)
    promise.catch(() => undefined) // awaited in order below
    writing.push(promise)
    while (writing.length > WRITES_QUEUED) await writing.shift()
  }
  try {
    // Version 2's padding is zeros up to the first chunk; the header MAC covers the version, not them.
    const head = new Uint8Array(dataOffset({ version, chunkSize }))
    head.set(headerBytes)
    await write(head)
    let written = head.length
    // Batches ahead of the one being written are read and encrypted meanwhile: every worker
    // always has its next batch waiting, and the sink's latency is hidden.
    const pending: Promise<ArrayBuffer[]>[] = []
    let next = 0
    let writtenChunks = 0
    while (next < total || pending.length > 0) {
      while (pending.length < depth && next < total) {
        const promise = encryptBatch(next)
        promise.catch(() => undefined) // reported when its turn comes, in order
        pending.push(promise)
        next += batch
      }
      const parts = await pending.shift()!
      for (const part of parts) await write(new Uint8Array(part))
      written += parts.reduce((sum, part) => sum + part.byteLength, 0)
      writtenChunks += Math.min(batch, total - writtenChunks)
      onProgress?.({ done: Math.min(plaintextLength, writtenChunks * chunkSize), total: plaintextLength })
    }
    for (const promise of writing.splice(0)) await promise
    await writer.close()
    return { fileId: id, chunkSize, plaintextLength, ciphertextLength: written }
  } catch (error) {
    // The sink is discarded; the error that matters is the one that stopped the encryption.
    await writer.abort(error).catch(() => undefined)
    throw error
  } finally {
    writer.releaseLock()
  }
}
