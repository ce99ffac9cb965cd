import type { Hex } from 'viem'
import { describe, expect, test } from 'vitest'
import { prng } from './__fixtures__/prng'
import { readAll } from './__fixtures__/readAll'
import { bytesSource } from './bytesSource'
import { HEADER_SIZE, TAG_SIZE } from './constants'
import { decryptBytes } from './decryptBytes'
import { decryptChunks } from './decryptChunks'
import { decryptStream } from './decryptStream'
import { encryptBytes } from './encryptBytes'
import {
  CorruptedChunkError,
  CorruptedHeaderError,
  CryptoError,
  FileMismatchError,
  NotEncryptedFileError,
  TrailingDataError,
  TruncatedFileError,
  UnknownVersionError,
  WrongKeyError,
} from './errors'
import { openEncryptedFile } from './openEncryptedFile'
import { readRange } from './readRange'

const key: Hex = `0x${'5a'.repeat(32)}`
const chunkSize = 64
const stride = chunkSize + TAG_SIZE
const random = prng(7)
// Seven chunks, the last one short.
const plaintext = random.bytes(chunkSize * 6 + 10)
const ciphertext = await encryptBytes(plaintext, { key, chunkSize })
const other = await encryptBytes(random.bytes(plaintext.length), { key, chunkSize })

const chunkAt = (bytes: Uint8Array, index: number) =>
  bytes.slice(HEADER_SIZE + index * stride, HEADER_SIZE + (index + 1) * stride)
const flipBit = (bytes: Uint8Array, offset: number, bit = 0) => {
  const copy = bytes.slice()
  copy[offset]! ^= 1 << bit
  return copy
}
const withChunks = (chunks: Uint8Array[]) => {
  const out = new Uint8Array(HEADER_SIZE + chunks.reduce((sum, chunk) => sum + chunk.length, 0))
  out.set(ciphertext.subarray(0, HEADER_SIZE))
  let offset = HEADER_SIZE
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}
const chunks = Array.from({ length: 7 }, (_, index) => chunkAt(ciphertext, index))

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a failure, got none')
}

describe('the header', () => {
  test('refuses a flipped bit anywhere in it', async () => {
    for (let offset = 0; offset < HEADER_SIZE; offset++)
      for (const bit of [0, 7]) {
        const error = await failure(decryptBytes(flipBit(ciphertext, offset, bit), { key }))
        expect(error, `offset ${offset} bit ${bit}`).toBeInstanceOf(CryptoError)
      }
  })

  test('names each kind of header damage: magic, version, fields, MAC', async () => {
    expect(await failure(decryptBytes(flipBit(ciphertext, 0), { key }))).toBeInstanceOf(NotEncryptedFileError)
    const version = await failure(decryptBytes(flipBit(ciphertext, 11, 1), { key }))
    expect(version).toBeInstanceOf(UnknownVersionError)
    expect((version as UnknownVersionError).version).toBe(3)
    expect((version as Error).message).toMatch(/version 3/)
    expect(await failure(decryptBytes(flipBit(ciphertext, 15, 2), { key }))).toBeInstanceOf(CorruptedHeaderError) // chunk size
    expect(await failure(decryptBytes(flipBit(ciphertext, 23, 0), { key }))).toBeInstanceOf(CorruptedHeaderError) // length
    expect(await failure(decryptBytes(flipBit(ciphertext, 80), { key }))).toBeInstanceOf(CorruptedHeaderError) // MAC
  })

  test('refuses a file cut inside its header', async () => {
    expect(await failure(decryptBytes(ciphertext.subarray(0, 50), { key }))).toBeInstanceOf(TruncatedFileError)
    expect(await failure(decryptBytes(new Uint8Array(0), { key }))).toBeInstanceOf(TruncatedFileError)
  })
})

describe('the key', () => {
  test('a wrong key is told apart from damage', async () => {
    const error = await failure(decryptBytes(ciphertext, { key: `0x${'5b'.repeat(32)}` }))
    expect(error).toBeInstanceOf(WrongKeyError)
    expect((error as Error).message).toBe('This key does not open this file: it belongs to another listing or file.')
  })
})

describe('the chunks', () => {
  test('refuses a flipped bit in a chunk body and names the chunk', async () => {
    const error = await failure(decryptBytes(flipBit(ciphertext, HEADER_SIZE + 3 * stride + 5), { key }))
    expect(error).toBeInstanceOf(CorruptedChunkError)
    expect((error as CorruptedChunkError).index).toBe(3)
    expect((error as Error).message).toMatch(/Part 3 /)
  })

  test('refuses a flipped bit in a tag, the last chunk included', async () => {
    const inTag = await failure(decryptBytes(flipBit(ciphertext, HEADER_SIZE + 2 * stride + chunkSize + 3), { key }))
    expect((inTag as CorruptedChunkError).index).toBe(2)
    const inLast = await failure(decryptBytes(flipBit(ciphertext, ciphertext.length - 1), { key }))
    expect((inLast as CorruptedChunkError).index).toBe(6)
  })

  test('still reads ranges away from a damaged chunk: damage stays local', async () => {
    const file = await openEncryptedFile(bytesSource(flipBit(ciphertext, HEADER_SIZE + 3 * stride + 5)), { key })
    expect(await readRange(file, { start: 0, end: 3 * chunkSize })).toEqual(plaintext.subarray(0, 3 * chunkSize))
    expect(await failure(readRange(file, { start: 3 * chunkSize + 63, end: 3 * chunkSize + 64 }))).toBeInstanceOf(
      CorruptedChunkError,
    )
  })

  test('refuses two chunks swapped', async () => {
    const swapped = withChunks([chunks[0]!, chunks[2]!, chunks[1]!, ...chunks.slice(3)])
    expect(((await failure(decryptBytes(swapped, { key }))) as CorruptedChunkError).index).toBe(1)
  })

  test('refuses a chunk dropped from the middle', async () => {
    const dropped = withChunks([...chunks.slice(0, 2), ...chunks.slice(3)])
    expect(await failure(decryptBytes(dropped, { key }))).toBeInstanceOf(TruncatedFileError)
  })

  test('refuses a chunk duplicated', async () => {
    const duplicated = withChunks([...chunks.slice(0, 3), chunks[2]!, ...chunks.slice(3)])
    expect(await failure(decryptBytes(duplicated, { key }))).toBeInstanceOf(TrailingDataError)
  })

  test('refuses a chunk duplicated over the next one (same length)', async () => {
    const duplicated = withChunks([...chunks.slice(0, 3), chunks[2]!, ...chunks.slice(4)])
    expect(((await failure(decryptBytes(duplicated, { key }))) as CorruptedChunkError).index).toBe(3)
  })

  test('refuses a chunk moved in from another file under the same key', async () => {
    const mixed = withChunks([...chunks.slice(0, 4), chunkAt(other, 4), ...chunks.slice(5)])
    expect(((await failure(decryptBytes(mixed, { key }))) as CorruptedChunkError).index).toBe(4)
  })

  test('refuses a whole file swapped for another one of the same listing', async () => {
    const expectedId = (await openEncryptedFile(bytesSource(ciphertext), { key })).header.fileId
    expect(await failure(decryptBytes(other, { key, fileId: expectedId }))).toBeInstanceOf(FileMismatchError)
  })

  test('refuses a file truncated at a chunk boundary', async () => {
    const cut = ciphertext.subarray(0, HEADER_SIZE + 6 * stride)
    const error = await failure(decryptBytes(cut, { key }))
    expect(error).toBeInstanceOf(TruncatedFileError)
    expect((error as Error).message).toMatch(/incomplete/)
  })

  test('refuses a source that claims its full size but ends early', async () => {
    const cut = ciphertext.subarray(0, HEADER_SIZE + 6 * stride)
    const lying = {
      size: ciphertext.length,
      read: (offset: number, length: number) => bytesSource(cut).read(offset, length),
    }
    const file = await openEncryptedFile(lying, { key })
    expect(await readRange(file, { start: 0, end: 64 })).toEqual(plaintext.subarray(0, 64))
    expect(await failure(readRange(file, { start: 0, end: file.size }))).toBeInstanceOf(TruncatedFileError)
  })

  test('authenticates the last-chunk flag: a full chunk cannot pass for the end of the file', async () => {
    const full = await encryptBytes(random.bytes(chunkSize * 3), { key, chunkSize })
    const file = await openEncryptedFile(bytesSource(full), { key })
    // A reader tricked into believing the file ends after chunk 1 (header length not trusted).
    const shortened = { ...file, header: { ...file.header, plaintextLength: chunkSize * 2 } }
    expect(((await failure(decryptChunks(shortened, { first: 1, count: 1 }))) as CorruptedChunkError).index).toBe(1)
  })

  test('errors a decrypt stream at the damaged chunk', async () => {
    const file = await openEncryptedFile(bytesSource(flipBit(ciphertext, HEADER_SIZE + 5 * stride)), { key })
    expect(((await failure(readAll(decryptStream(file)))) as CorruptedChunkError).index).toBe(5)
  })
})
