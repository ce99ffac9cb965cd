import type { Hex } from 'viem'
import { describe, expect, test } from 'vitest'
import type { TorrentFile } from 'webtorrent/dist/webtorrent.min.js'
import { encryptBytes } from '../crypto/encryptBytes'
import { decryptedFileSource } from './decryptedFileSource'

const key: Hex = `0x${'11'.repeat(32)}`
const fileId: Hex = `0x${'0'.repeat(31)}7`
const PIECE = 16 * 1024

/**
 * A torrent file as the engine shows it: iterators over piece-sized parts that each select their
 * range until returned. Pieces after `have` are missing until `arrive()` is called.
 */
function fakeTorrentFile(bytes: Uint8Array, have = Infinity) {
  const open = new Set<object>()
  let arrived: () => void = () => {}
  let arrival = new Promise<void>((resolve) => (arrived = resolve))
  const file = {
    name: 'opaque',
    length: bytes.length,
    offset: 0,
    [Symbol.asyncIterator]({ start = 0, end = bytes.length - 1 }: { start?: number; end?: number } = {}) {
      let at = start
      let done = false
      const iterator = {
        // As the engine's: each call takes the next piece at once, so several may wait together.
        next: async (): Promise<IteratorResult<Uint8Array>> => {
          if (done || at > end) return { done: true, value: undefined }
          const from = at
          const stop = Math.min(end + 1, (Math.floor(at / PIECE) + 1) * PIECE)
          at = stop
          while (!done && Math.floor(from / PIECE) >= have) await arrival
          if (done) return { done: true, value: undefined }
          return { done: false, value: bytes.slice(from, stop) }
        },
        return: async (): Promise<IteratorResult<Uint8Array>> => {
          done = true
          open.delete(iterator)
          return { done: true, value: undefined }
        },
      }
      open.add(iterator)
      return iterator
    },
    async arrayBuffer({ start = 0, end = bytes.length - 1 }: { start?: number; end?: number } = {}) {
      return bytes.slice(start, end + 1).buffer
    },
  }
  return {
    file: file as unknown as TorrentFile,
    open,
    arrive(pieces = Infinity) {
      have = pieces
      arrived()
      arrival = new Promise<void>((resolve) => (arrived = resolve))
    },
  }
}

async function readAll(iterator: AsyncIterator<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) parts.push(next.value)
  return Buffer.concat(parts)
}

describe('decryptedFileSource', async () => {
  const plaintext = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7) % 251)
  const ciphertext = await encryptBytes(plaintext, { key, fileId })

  test('serves any range of the plaintext, one chunk at a time', async () => {
    const { file } = fakeTorrentFile(ciphertext)
    const source = await decryptedFileSource(file, { key, fileId, pieceLength: PIECE })
    expect(source.size).toBe(plaintext.length)
    for (const [start, end] of [
      [0, plaintext.length - 1],
      [70_000, 70_000],
      [65_535, 200_001],
      [299_000, 299_999],
    ] as const) {
      const iterator = source.read({ start, end })
      const first = await iterator.next()
      expect(first.value?.length).toBe(Math.min(end + 1, (Math.floor(start / 65536) + 1) * 65536) - start)
      const second = await iterator.next()
      if (!second.done)
        expect(second.value.length).toBe(
          Math.min(end + 1, (Math.floor(start / 65536) + 2) * 65536) - (Math.floor(start / 65536) + 1) * 65536,
        )
      const rest = await readAll(iterator)
      const all = Buffer.concat([first.value!, second.value ?? new Uint8Array(0), rest])
      expect(all.equals(Buffer.from(plaintext.subarray(start, end + 1)))).toBe(true)
    }
  })

  test('sends each chunk as soon as its pieces have arrived, without waiting for the next chunk', async () => {
    // Pieces up to the end of the second chunk's ciphertext (and no further) have arrived.
    const secondEnd = 104 + 2 * (65536 + 16)
    const { file, arrive } = fakeTorrentFile(ciphertext, Math.ceil(secondEnd / PIECE))
    const source = await decryptedFileSource(file, { key, fileId, pieceLength: PIECE })
    const iterator = source.read({ start: 1000, end: plaintext.length - 1 })
    expect(Buffer.from((await iterator.next()).value!).equals(Buffer.from(plaintext.subarray(1000, 65536)))).toBe(true)
    expect(Buffer.from((await iterator.next()).value!).equals(Buffer.from(plaintext.subarray(65536, 131072)))).toBe(
      true,
    )
    const third = iterator.next()
    const waited = await Promise.race([third.then(() => false), new Promise((r) => setTimeout(() => r(true), 20))])
    expect(waited).toBe(true)
    arrive()
    expect(Buffer.from((await third).value!).equals(Buffer.from(plaintext.subarray(131072, 196608)))).toBe(true)
    await iterator.return!()
  })

  test('reads the ciphertext of a range through one engine read', async () => {
    const { file, open } = fakeTorrentFile(ciphertext, 1)
    const source = await decryptedFileSource(file, { key, fileId, pieceLength: PIECE })
    const iterator = source.read({ start: 70_000, end: plaintext.length - 1 })
    const waiting = iterator.next()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(open.size).toBe(1)
    await iterator.return!()
    await waiting
  })

  test('returning a read stops its engine reads at once, even while they wait for pieces', async () => {
    const { file, open, arrive } = fakeTorrentFile(ciphertext, 1)
    const source = await decryptedFileSource(file, { key, fileId, pieceLength: PIECE })
    const iterator = source.read({ start: 200_000, end: plaintext.length - 1 })
    const waiting = iterator.next()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(open.size).toBeGreaterThan(0)
    await iterator.return!()
    expect(open.size).toBe(0)
    arrive()
    expect(await waiting).toEqual({ done: true, value: undefined })
  })

  test('refuses a wrong key before serving anything', async () => {
    const { file } = fakeTorrentFile(ciphertext)
    await expect(decryptedFileSource(file, { key: `0x${'22'.repeat(32)}`, fileId })).rejects.toThrow(/key/i)
  })
})
