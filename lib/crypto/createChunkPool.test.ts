import { afterEach, describe, expect, test } from 'vitest'
import type { Hex } from 'viem'
import { firstDifference } from './__fixtures__/firstDifference'
import { prng } from './__fixtures__/prng'
import { readAll } from './__fixtures__/readAll'
import { bytesSource } from './bytesSource'
import { decryptBytes } from './decryptBytes'
import { decryptStream } from './decryptStream'
import { encryptBytes } from './encryptBytes'
import { openEncryptedFile } from './openEncryptedFile'
import { type ChunkJob, type ChunkPool, createChunkPool } from './createChunkPool'
import { CryptoError } from './errors'
import { sharedChunkPool } from './sharedChunkPool'
import { startChunkWorker } from './startChunkWorker'

const random = prng(11)
const aesKey = await crypto.subtle.importKey('raw', random.bytes(32), 'AES-GCM', false, ['encrypt', 'decrypt'])
const additionalData = random.bytes(104)

/** A job of `count` pieces of `length` bytes, nonces 0..count-1 offset by `salt`. */
function job(mode: ChunkJob['mode'], data: Uint8Array, length: number, salt = 0): ChunkJob {
  const lengths = Array.from({ length: Math.max(1, Math.ceil(data.length / length)) }, (_, i) =>
    Math.min(length, data.length - i * length),
  )
  const nonces = new Uint8Array(12 * lengths.length)
  lengths.forEach((_, i) => new DataView(nonces.buffer).setUint32(12 * i + 8, salt + i))
  return { mode, key: aesKey, additionalData, nonces, data, lengths }
}

/** The same AES-GCM calls made here, for comparison. */
async function inPlace({ mode, nonces, data, lengths }: ChunkJob): Promise<Uint8Array[]> {
  let offset = 0
  return Promise.all(
    lengths.map(async (length, i) => {
      const iv = nonces.subarray(12 * i, 12 * i + 12) as Uint8Array<ArrayBuffer>
      const input = data.subarray(offset, (offset += length)) as Uint8Array<ArrayBuffer>
      return new Uint8Array(await crypto.subtle[mode]({ name: 'AES-GCM', iv, additionalData }, aesKey, input))
    }),
  )
}

/** A real worker running `code` instead of the AES-GCM worker's. */
const workerRunning = (code: string) => () =>
  new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })))

const outputs = async (pool: ChunkPool, work: ChunkJob) => {
  const result = await pool.run(work)
  if (!('outputs' in result)) throw new Error(`piece ${result.piece} failed: ${result.cause.message}`)
  return result.outputs.map((output) => new Uint8Array(output))
}

// Dedicated workers exist in the browser only; in Node, lib/crypto encrypts in place (see below).
describe.skipIf(typeof Worker === 'undefined')('createChunkPool', () => {
  let pool: ChunkPool | undefined
  afterEach(() => pool?.terminate())

  test('gives each job its own outputs, in piece order, the same bytes as WebCrypto in place', async () => {
    pool = createChunkPool(startChunkWorker, { size: 2 })
    // More jobs than workers, of different sizes, all in flight at once: buffers are reused between them.
    const jobs = Array.from({ length: 9 }, (_, i) => job('encrypt', random.bytes(1000 + 977 * i), 300 + i, 100 * i))
    const results = await Promise.all(jobs.map((work) => outputs(pool!, work)))
    expect(pool.workers).toBe(2)
    for (const [i, work] of jobs.entries()) expect(results[i]).toEqual(await inPlace(work))
  })

  test('decrypts what it encrypted, an empty piece included', async () => {
    pool = createChunkPool(startChunkWorker, { size: 2 })
    const plaintext = random.bytes(5000)
    const sealed = await outputs(pool, job('encrypt', plaintext, 1024))
    const back = await outputs(pool, job('decrypt', joined(sealed), 1024 + 16))
    expect(joined(back)).toEqual(plaintext)
    const empty = await outputs(pool, job('encrypt', new Uint8Array(0), 1))
    expect(empty.map((output) => output.length)).toEqual([16])
  })

  test('names the first piece that does not decrypt', async () => {
    pool = createChunkPool(startChunkWorker, { size: 1 })
    const sealed = joined(await outputs(pool, job('encrypt', random.bytes(4 * 500), 500)))
    sealed[2 * 516 + 7]! ^= 1
    const result = await pool.run(job('decrypt', sealed, 516))
    expect(result).toMatchObject({ piece: 2, cause: { name: 'OperationError' } })
  })

  test('leaves the caller its data: the input is copied, never transferred', async () => {
    pool = createChunkPool(startChunkWorker, { size: 1 })
    const data = random.bytes(2048)
    const copy = data.slice()
    await outputs(pool, job('encrypt', data.subarray(0, 1024), 512))
    expect(data.buffer.byteLength).toBe(2048)
    expect(data).toEqual(copy)
  })

  test('gives a worker two jobs at a time, the rest wait their turn uncopied', async () => {
    // Answers each job 20 ms later with how many jobs it held at once when that one arrived.
    const code =
      'let held = 0; self.onmessage = (e) => { const most = new Uint32Array([++held]).buffer; setTimeout(() => { held--; self.postMessage({ id: e.data.id, buffer: e.data.buffer, outputs: [most] }, [e.data.buffer, most]) }, 20) }'
    pool = createChunkPool(workerRunning(code), { size: 1 })
    const results = await Promise.all(
      Array.from({ length: 8 }, () => outputs(pool!, job('encrypt', random.bytes(64), 64))),
    )
    const held = results.map(([most]) => new Uint32Array(most!.buffer)[0]!)
    expect(held[0]).toBe(1)
    expect(Math.max(...held)).toBe(2)
  })

  test('stops its workers when idle and starts them again on the next job', async () => {
    pool = createChunkPool(startChunkWorker, { size: 2, idleMs: 50 })
    expect(pool.workers).toBe(0)
    await outputs(pool, job('encrypt', random.bytes(100), 100))
    expect(pool.workers).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(pool.workers).toBe(0)
    expect(await outputs(pool, job('encrypt', random.bytes(100), 100))).toHaveLength(1)
  })

  test('terminate() rejects the jobs still running with a CryptoError', async () => {
    pool = createChunkPool(startChunkWorker, { size: 1 })
    const running = pool.run(job('encrypt', random.bytes(1 << 20), 1 << 16))
    pool.terminate()
    await expect(running).rejects.toBeInstanceOf(CryptoError)
    expect(pool.workers).toBe(0)
  })

  test('a worker that dies before it ever answered fails every job and marks the pool unavailable', async () => {
    // Answers nothing and throws on its first job, as a worker that crashed would.
    pool = createChunkPool(workerRunning('self.onmessage = () => { throw new Error("boom") }'), { size: 1 })
    // The first job reaches the worker, the next ones wait in the pool: all of them fail.
    const jobs = Array.from({ length: 4 }, () => pool!.run(job('encrypt', random.bytes(10), 10)))
    for (const running of jobs) await expect(running).rejects.toThrow(/stopped unexpectedly/)
    expect(pool.workers).toBe(0)
    // Never answered before dying: the pool says workers are not usable here.
    expect(pool.unavailable).toBe(true)
  })

  test('a worker that dies after answering does not make the pool unavailable', async () => {
    const code =
      'let n = 0; self.onmessage = (e) => { if (n++) throw new Error("boom"); self.postMessage({ id: e.data.id, buffer: e.data.buffer, outputs: [] }, [e.data.buffer]) }'
    pool = createChunkPool(workerRunning(code), { size: 1 })
    expect(await pool.run(job('encrypt', random.bytes(10), 10))).toEqual({ outputs: [] })
    await expect(pool.run(job('encrypt', random.bytes(10), 10))).rejects.toBeInstanceOf(CryptoError)
    expect(pool.unavailable).toBe(false)
  })
})

describe('sharedChunkPool', () => {
  test.runIf(typeof Worker === 'undefined')('is absent where there are no dedicated workers (Node)', () => {
    expect(sharedChunkPool()).toBeUndefined()
  })

  const multicore = typeof Worker !== 'undefined' && navigator.hardwareConcurrency >= 2
  test.runIf(multicore)('is one pool for the tab, one worker per core up to four', async () => {
    const pool = sharedChunkPool()
    expect(pool).toBeDefined()
    expect(sharedChunkPool()).toBe(pool)
    await Promise.all(Array.from({ length: 8 }, () => pool!.run(job('encrypt', random.bytes(64), 64))))
    expect(pool!.workers).toBe(Math.min(navigator.hardwareConcurrency, 4))
  })
})

describe.runIf(typeof Worker !== 'undefined' && navigator.hardwareConcurrency >= 2)('lib/crypto in a tab', () => {
  const key: Hex = `0x${'3c'.repeat(32)}`

  test('encrypts and decrypts a file past one batch on the workers, a small one in place', async () => {
    const pool = sharedChunkPool()!
    pool.terminate()
    const small = await encryptBytes(random.bytes(1000), { key })
    expect(pool.workers).toBe(0)
    const plaintext = random.bytes(3 * 1024 * 1024 + 7)
    const ciphertext = await encryptBytes(plaintext, { key })
    expect(pool.workers).toBeGreaterThan(0)
    pool.terminate()
    const file = await openEncryptedFile(bytesSource(ciphertext), { key })
    expect(firstDifference(await readAll(decryptStream(file)), plaintext)).toBe(-1)
    expect(pool.workers).toBeGreaterThan(0)
    expect((await decryptBytes(small, { key })).length).toBe(1000)
  })
})

function joined(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  parts.reduce((offset, part) => (out.set(part, offset), offset + part.length), 0)
  return out
}
