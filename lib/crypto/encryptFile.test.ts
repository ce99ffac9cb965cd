import { bytesToHex, type Hex } from 'viem'
import { describe, expect, test } from 'vitest'
import { firstDifference } from './__fixtures__/firstDifference'
import { prng } from './__fixtures__/prng'
import { blobSource } from './blobSource'
import { DEFAULT_CHUNK_SIZE, HEADER_SIZE } from './constants'
import { decryptBytes } from './decryptBytes'
import { encryptBytes } from './encryptBytes'
import { encryptedLength } from './encryptedLength'
import { encryptFile } from './encryptFile'
import { InvalidParameterError } from './errors'
import { openEncryptedFile } from './openEncryptedFile'
import { readRange } from './readRange'
import type { ByteSource } from './types'

const key: Hex = `0x${'07'.repeat(32)}`
const random = prng(1)

function collect() {
  const parts: Uint8Array[] = []
  const sink = new WritableStream<Uint8Array>({ write: (part) => void parts.push(part.slice()) })
  const bytes = () => {
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
    let offset = 0
    for (const part of parts) out.set(part, (offset += part.length) - part.length)
    return out
  }
  return { sink, parts, bytes }
}

describe('encryptFile round trips', () => {
  for (const chunkSize of [64, DEFAULT_CHUNK_SIZE]) {
    const sizes = {
      empty: 0,
      'one byte': 1,
      'chunk - 1': chunkSize - 1,
      chunk: chunkSize,
      'chunk + 1': chunkSize + 1,
      'many chunks': chunkSize * 5 + 17,
      'exactly many chunks': chunkSize * 4,
    }
    for (const [label, size] of Object.entries(sizes)) {
      test(`decrypts to the same bytes: ${label} (${size} B) with ${chunkSize} B chunks`, async () => {
        const plaintext = random.bytes(size)
        const ciphertext = await encryptBytes(plaintext, { key, chunkSize })
        expect(ciphertext.length).toBe(encryptedLength({ plaintextLength: size, chunkSize }))
        expect(firstDifference(await decryptBytes(ciphertext, { key }), plaintext)).toBe(-1)
      })
    }
  }

  test('streams a Blob into a WritableStream and reports progress up to the whole size', async () => {
    const plaintext = random.bytes(3 * 1024 * 1024 + 5)
    const { sink, bytes } = collect()
    const progress: number[] = []
    const info = await encryptFile(new Blob([plaintext]), { key, sink, onProgress: ({ done }) => progress.push(done) })
    expect(info.plaintextLength).toBe(plaintext.length)
    expect(info.ciphertextLength).toBe(bytes().length)
    expect(progress.at(-1)).toBe(plaintext.length)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    expect(firstDifference(await decryptBytes(bytes(), { key, fileId: info.fileId }), plaintext)).toBe(-1)
  })

  test.skipIf(typeof navigator === 'undefined' || !navigator.storage?.getDirectory)(
    'writes to an OPFS file in the browser, which then reads back through a Blob',
    async () => {
      const plaintext = random.bytes(2 * 1024 * 1024 + 3)
      const dir = await navigator.storage.getDirectory()
      const handle = await dir.getFileHandle('encryptFile.test.ksw', { create: true })
      try {
        const { fileId } = await encryptFile(new Blob([plaintext]), { key, sink: await handle.createWritable() })
        const stored = await handle.getFile()
        expect(stored.size).toBe(encryptedLength({ plaintextLength: plaintext.length }))
        const file = await openEncryptedFile(blobSource(stored), { key, fileId })
        expect(firstDifference(await readRange(file, { start: 0, end: file.size }), plaintext)).toBe(-1)
      } finally {
        await dir.removeEntry('encryptFile.test.ksw')
      }
    },
  )

  test('reads the input a bounded slice at a time, never the whole file', async () => {
    const blob = new Blob([random.bytes(5 * 1024 * 1024)])
    const inner = blobSource(blob)
    let largestRead = 0
    const spy: ByteSource = {
      size: inner.size,
      read: (offset, length) => {
        largestRead = Math.max(largestRead, length)
        return inner.read(offset, length)
      },
    }
    await encryptFile(spy, { key, sink: collect().sink })
    expect(largestRead).toBeLessThanOrEqual(1024 * 1024)
  })

  test('gives every file a fresh random id, so one key never encrypts two files the same way', async () => {
    const plaintext = random.bytes(100)
    const a = await encryptBytes(plaintext, { key })
    const b = await encryptBytes(plaintext, { key })
    expect(bytesToHex(a.subarray(24, 40))).not.toBe(bytesToHex(b.subarray(24, 40)))
    expect(bytesToHex(a.subarray(HEADER_SIZE))).not.toBe(bytesToHex(b.subarray(HEADER_SIZE)))
  })

  test('aborts the sink and rejects when the input cannot be read', async () => {
    let aborted: unknown
    const sink = new WritableStream<Uint8Array>({ abort: (reason) => void (aborted = reason) })
    const failing: ByteSource = { size: 10_000_000, read: async () => new Uint8Array(3) }
    await expect(encryptFile(failing, { key, sink })).rejects.toThrow(/could not be read/)
    expect(aborted).toBeInstanceOf(Error)
  })

  test('stops when its signal is aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      encryptFile(new Blob([random.bytes(10)]), { key, sink: collect().sink, signal: controller.signal }),
    ).rejects.toThrow()
  })

  test('refuses a chunk size of zero or above 16 MiB', async () => {
    for (const chunkSize of [0, 16 * 1024 * 1024 + 1, 1.5])
      await expect(encryptFile(new Blob([]), { key, sink: collect().sink, chunkSize })).rejects.toThrow(
        InvalidParameterError,
      )
  })
})
