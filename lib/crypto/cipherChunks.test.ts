import { describe, expect, test } from 'vitest'
import { prng } from './__fixtures__/prng'
import { cipherChunks, type CipherChunksParameters } from './cipherChunks'
import { chunkNonce } from './chunkNonce'
import { createChunkPool } from './createChunkPool'
import { CorruptedChunkError } from './errors'
import { startChunkWorker } from './startChunkWorker'

const random = prng(5)
const key = await crypto.subtle.importKey('raw', random.bytes(32), 'AES-GCM', false, ['encrypt', 'decrypt'])
const headerBytes = random.bytes(104)
const chunkSize = 1000
// Chunks 20..26 of a 27-chunk file: the batch ends with the file's last chunk, a short one.
const plaintext = random.bytes(6 * chunkSize + 123)
const batch = { key, headerBytes, first: 20, count: 7, total: 27 }
const encrypt: CipherChunksParameters = { ...batch, mode: 'encrypt', data: plaintext, stride: chunkSize }

const joined = (parts: ArrayBuffer[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0))
  parts.reduce((offset, part) => (out.set(new Uint8Array(part), offset), offset + part.byteLength), 0)
  return out
}

describe('cipherChunks in place', () => {
  test('seals each chunk with its index and the last-chunk flag, the header as associated data', async () => {
    const sealed = await cipherChunks(undefined, encrypt)
    expect(sealed.map((part) => part.byteLength)).toEqual([1016, 1016, 1016, 1016, 1016, 1016, 139])
    const iv = chunkNonce(26, true)
    const last = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: headerBytes }, key, sealed[6]!)
    expect(new Uint8Array(last)).toEqual(plaintext.subarray(6 * chunkSize))
  })

  test('names the chunk that does not decrypt by its index in the file', async () => {
    const sealed = joined(await cipherChunks(undefined, encrypt))
    sealed[3 * 1016 + 1]! ^= 4
    const decrypt: CipherChunksParameters = { ...batch, mode: 'decrypt', data: sealed, stride: 1016 }
    const error = await cipherChunks(undefined, decrypt).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CorruptedChunkError)
    expect((error as CorruptedChunkError).index).toBe(23)
  })
})

describe.skipIf(typeof Worker === 'undefined')('cipherChunks on a pool of workers', () => {
  test('gives the same bytes as in place, and reads them back', async () => {
    const pool = createChunkPool(startChunkWorker, { size: 2 })
    try {
      const sealed = await cipherChunks(pool, encrypt)
      expect(joined(sealed)).toEqual(joined(await cipherChunks(undefined, encrypt)))
      const decrypt: CipherChunksParameters = { ...batch, mode: 'decrypt', data: joined(sealed), stride: 1016 }
      expect(joined(await cipherChunks(pool, decrypt))).toEqual(plaintext)
    } finally {
      pool.terminate()
    }
  })

  test('names the chunk that does not decrypt by its index in the file', async () => {
    const pool = createChunkPool(startChunkWorker, { size: 2 })
    try {
      const sealed = joined(await cipherChunks(pool, encrypt))
      sealed[5 * 1016 + 1016 - 1]! ^= 1 // in chunk 25's tag
      const decrypt: CipherChunksParameters = { ...batch, mode: 'decrypt', data: sealed, stride: 1016 }
      const error = await cipherChunks(pool, decrypt).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(CorruptedChunkError)
      expect((error as CorruptedChunkError).index).toBe(25)
      expect((error as Error).cause).toMatchObject({ name: 'OperationError' })
    } finally {
      pool.terminate()
    }
  })

  test('encrypts in place when workers cannot run here', async () => {
    // A worker whose script does not even parse, as one a content security policy refuses.
    const broken = () => new Worker(URL.createObjectURL(new Blob(['this is not javascript('])))
    const pool = createChunkPool(broken, { size: 1 })
    try {
      expect(joined(await cipherChunks(pool, encrypt))).toEqual(joined(await cipherChunks(undefined, encrypt)))
      expect(pool.unavailable).toBe(true)
    } finally {
      pool.terminate()
    }
  })
})
