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
    [Symbol.asyncIterator]({ start = 0, end = bytes.length - 1 }: { start?: number; end?: number } = {}) {
      let at = start
      let done = false
      const iterator = {
        next: async (): Promise<IteratorResult<Uint8Array>> => {
          while (!done && Math.floor(at / PIECE) >= have) await arrival
          if (done || at > end) return { done: true, value: undefined }
          const stop = Math.min(end + 1, (Math.floor(at / PIECE) + 1) * PIECE)
          const part = bytes.slice(at, stop)
          at = stop
          return { done: false, value: part }
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

  test('serves any range of the plaintext, the first step ending with the chunk that holds its start', async () => {
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
      const rest = await readAll(iterator)
      expect(Buffer.concat([first.value!, rest]).equals(Buffer.from(plaintext.subarray(start, end + 1)))).toBe(true)
    }
  })

  test('returning a read stops its engine reads at once, even while they wait for pieces', async () => {
    const { file, open, arrive } = fakeTorrentFile(ciphertext, 1)
    const source = await decryptedFileSource(file, { key, fileId, pieceLength: PIECE })
    const iterator = source.read({ start: 200_000, end: plaintext.length - 1 })
    const waiting = iterator.next()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(open.size).toBeGreaterThan(0) // the prefetch and the first step's read
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
