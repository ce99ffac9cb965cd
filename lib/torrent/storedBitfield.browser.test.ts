import { afterEach, expect, test } from 'vitest'
import { OpfsChunkStore } from './OpfsChunkStore'
import { storedBitfield } from './storedBitfield'

// Real OPFS in real Chromium.

const chunkLength = 64 * 1024
const infoHash = 'ab'.repeat(20)
const name = `resumed - ${infoHash.slice(0, 8)}`

function put(store: OpfsChunkStore, index: number, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => store.put(index, chunk, (error) => (error ? reject(error) : resolve())))
}

afterEach(async () => {
  await (await navigator.storage.getDirectory()).removeEntry(name, { recursive: true }).catch(() => {})
})

test('a resumed torrent does not count an empty piece file as stored', async () => {
  const store = new OpfsChunkStore(chunkLength, { name, length: 10 * chunkLength })
  await put(store, 0, new Uint8Array(chunkLength).fill(1))
  await put(store, 9, new Uint8Array(chunkLength).fill(9))
  // What a write leaves when the tab closes before it finishes: the file exists, still empty.
  const directory = await (await navigator.storage.getDirectory()).getDirectoryHandle(name)
  await directory.getFileHandle('4', { create: true })

  // The store writes behind its puts: poll until pieces 0 and 9 are on disk, and 4 never counts.
  const bits = async () => [...((await storedBitfield({ name: 'resumed', infoHash, pieceCount: 10 })) ?? [])]
  await expect.poll(bits).toEqual([0b1000_0000, 0b0100_0000])
})
