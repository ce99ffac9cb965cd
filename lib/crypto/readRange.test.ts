import type { Hex } from 'viem'
import { describe, expect, test } from 'vitest'
import { firstDifference } from './__fixtures__/firstDifference'
import { prng } from './__fixtures__/prng'
import { readAll } from './__fixtures__/readAll'
import { bytesSource } from './bytesSource'
import { blobSource } from './blobSource'
import { HEADER_SIZE, TAG_SIZE } from './constants'
import { decryptStream } from './decryptStream'
import { encryptBytes } from './encryptBytes'
import { InvalidParameterError } from './errors'
import { openEncryptedFile } from './openEncryptedFile'
import { readRange } from './readRange'
import type { ByteSource } from './types'

const key: Hex = `0x${'3c'.repeat(32)}`

describe('readRange', () => {
  for (const [seed, chunkSize] of [
    [1, 1],
    [2, 7],
    [3, 64],
    [4, 100],
    [5, 4096],
  ] as const) {
    test(`random ranges decrypt to exactly the plaintext (seed ${seed}, ${chunkSize} B chunks)`, async () => {
      const random = prng(seed)
      const plaintext = random.bytes(random.int(0, 30) * chunkSize + random.int(0, chunkSize))
      const file = await openEncryptedFile(bytesSource(await encryptBytes(plaintext, { key, chunkSize })), { key })
      expect(file.size).toBe(plaintext.length)
      for (let i = 0; i < 150; i++) {
        const start = random.int(0, plaintext.length)
        const end = random.int(start, Math.min(plaintext.length, start + random.int(0, 5 * chunkSize)))
        const bytes = await readRange(file, { start, end })
        expect(firstDifference(bytes, plaintext.subarray(start, end)), `[${start}, ${end})`).toBe(-1)
      }
    })
  }

  test('touches only the chunks that cover the range', async () => {
    const chunkSize = 1000
    const plaintext = prng(9).bytes(chunkSize * 50)
    const inner = bytesSource(await encryptBytes(plaintext, { key, chunkSize }))
    const reads: [number, number][] = []
    const spy: ByteSource = {
      size: inner.size,
      read: (offset, length) => (reads.push([offset, offset + length]), inner.read(offset, length)),
    }
    const file = await openEncryptedFile(spy, { key })
    reads.length = 0
    // Bytes 20500..22499 live in chunks 20, 21 and 22.
    await readRange(file, { start: 20_500, end: 22_500 })
    const stride = chunkSize + TAG_SIZE
    expect(reads).toEqual([[HEADER_SIZE + 20 * stride, HEADER_SIZE + 23 * stride]])
  })

  test('reads through a Blob source', async () => {
    const plaintext = prng(11).bytes(300_000)
    const file = await openEncryptedFile(blobSource(new Blob([await encryptBytes(plaintext, { key })])), { key })
    expect(
      firstDifference(await readRange(file, { start: 65_000, end: 140_000 }), plaintext.subarray(65_000, 140_000)),
    ).toBe(-1)
  })

  test('refuses a range outside the file', async () => {
    const file = await openEncryptedFile(bytesSource(await encryptBytes(new Uint8Array(10), { key })), { key })
    for (const [start, end] of [
      [-1, 2],
      [0, 11],
      [5, 4],
      [0.5, 2],
    ])
      await expect(readRange(file, { start: start!, end: end! })).rejects.toThrow(InvalidParameterError)
    expect(await readRange(file, { start: 10, end: 10 })).toEqual(new Uint8Array(0))
  })
})

describe('decryptStream', () => {
  test('streams the whole file, and any range of it, as plaintext', async () => {
    const random = prng(21)
    const chunkSize = 50_000
    const plaintext = random.bytes(3_000_017)
    const file = await openEncryptedFile(bytesSource(await encryptBytes(plaintext, { key, chunkSize })), { key })
    expect(firstDifference(await readAll(decryptStream(file)), plaintext)).toBe(-1)
    for (let i = 0; i < 10; i++) {
      const start = random.int(0, plaintext.length)
      const end = random.int(start, plaintext.length)
      expect(
        firstDifference(
          await readAll(decryptStream(file, { start, end, readAhead: random.int(1, 3) })),
          plaintext.subarray(start, end),
        ),
      ).toBe(-1)
    }
    expect(await readAll(decryptStream(file, { start: 5, end: 5 }))).toEqual(new Uint8Array(0))
  })

  test('streams an empty file as no bytes', async () => {
    const file = await openEncryptedFile(bytesSource(await encryptBytes(new Uint8Array(0), { key })), { key })
    expect(await readAll(decryptStream(file))).toEqual(new Uint8Array(0))
  })

  test('can be cancelled part way', async () => {
    const file = await openEncryptedFile(bytesSource(await encryptBytes(new Uint8Array(5_000_000), { key })), { key })
    const reader = decryptStream(file).getReader()
    expect((await reader.read()).value?.length).toBeGreaterThan(0)
    await reader.cancel()
  })
})
