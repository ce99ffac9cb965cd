import type { Hex } from 'viem'
import { describe, expect, test } from 'vitest'
import { prng } from './__fixtures__/prng'
import { bytesSource } from './bytesSource'
import { ALIGNED_FORMAT_VERSION, HEADER_SIZE, TAG_SIZE } from './constants'
import { decryptBytes } from './decryptBytes'
import { encryptBytes } from './encryptBytes'
import { encryptedLength } from './encryptedLength'
import { CorruptedHeaderError, InvalidParameterError } from './errors'
import { openEncryptedFile } from './openEncryptedFile'
import { readRange } from './readRange'

const key: Hex = `0x${'07'.repeat(32)}`
const PIECE = 4096
const chunkSize = PIECE - TAG_SIZE

describe('format version 2 (piece-aligned)', () => {
  const plaintext = prng(2).bytes(10 * chunkSize + 1234)

  test('round-trips, and each chunk with its tag fills exactly one piece after the padded header', async () => {
    const ciphertext = await encryptBytes(plaintext, { key, chunkSize, version: ALIGNED_FORMAT_VERSION })

    expect(ciphertext.length).toBe(encryptedLength({ plaintextLength: plaintext.length, chunkSize, version: 2 }))
    expect(ciphertext.length).toBe(PIECE + plaintext.length + 11 * TAG_SIZE)
    expect(ciphertext.subarray(HEADER_SIZE, PIECE).every((byte) => byte === 0)).toBe(true)
    expect(await decryptBytes(ciphertext, { key })).toEqual(plaintext)
    // Chunk 3 decrypts from piece 4 alone: the bytes of every other piece are zeroed.
    const onlyPiece4 = new Uint8Array(ciphertext.length)
    onlyPiece4.set(ciphertext.subarray(0, HEADER_SIZE))
    onlyPiece4.set(ciphertext.subarray(4 * PIECE, 5 * PIECE), 4 * PIECE)
    const file = await openEncryptedFile(bytesSource(onlyPiece4), { key })
    expect(await readRange(file, { start: 3 * chunkSize, end: 4 * chunkSize })).toEqual(
      plaintext.subarray(3 * chunkSize, 4 * chunkSize),
    )
  })

  test('refuses a version 2 file relabelled as version 1: the header MAC covers the version', async () => {
    const ciphertext = await encryptBytes(plaintext, { key, chunkSize, version: ALIGNED_FORMAT_VERSION })
    new DataView(ciphertext.buffer).setUint32(8, 1)
    await expect(decryptBytes(ciphertext, { key })).rejects.toBeInstanceOf(CorruptedHeaderError)
  })

  test('refuses to write a version 2 file whose stride cannot hold the header', async () => {
    await expect(encryptBytes(plaintext, { key, chunkSize: 64, version: ALIGNED_FORMAT_VERSION })).rejects.toBeInstanceOf(
      InvalidParameterError,
    )
  })
})
