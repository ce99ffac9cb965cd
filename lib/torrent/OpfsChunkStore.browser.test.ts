import { cdp } from '@vitest/browser/context'
import { afterEach, expect, test } from 'vitest'
import { OpfsChunkStore } from './OpfsChunkStore'
import { isQuotaError } from './isQuotaError'

// Real OPFS in real Chromium, with real quota enforcement: Chromium's quota manager is told over
// CDP how much this origin may store, as tests/e2e/stream-quota.spec.ts does.

const chunkLength = 64 * 1024

async function setQuota(quotaSize?: number) {
  await cdp().send('Storage.overrideQuotaForOrigin', { origin: location.origin, quotaSize })
}

function put(store: OpfsChunkStore, index: number, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => store.put(index, chunk, (error) => (error ? reject(error) : resolve())))
}

async function pieceFiles(name: string): Promise<Record<string, number>> {
  const directory = await (await navigator.storage.getDirectory()).getDirectoryHandle(name)
  const sizes: Record<string, number> = {}
  const entries = (directory as unknown as { entries(): AsyncIterable<[string, FileSystemFileHandle]> }).entries()
  for await (const [key, handle] of entries) sizes[key] = (await handle.getFile()).size
  return sizes
}

let name = ''
afterEach(async () => {
  await setQuota()
  await (await navigator.storage.getDirectory()).removeEntry(name, { recursive: true }).catch(() => {})
})

function get(store: OpfsChunkStore, index: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => store.get(index, (error, bytes) => (error ? reject(error) : resolve(bytes!))))
}

test('a write refused by a full quota fails the put that completes the torrent, and leaves no empty piece file behind', async () => {
  name = `refused - ${crypto.randomUUID().slice(0, 8)}`
  const stopped: Error[] = []
  const torrent = { destroyed: false, _destroy: (error: Error) => void stopped.push(error) }
  const store = new OpfsChunkStore(chunkLength, { name, length: 3 * chunkLength, torrent, writeBehind: true })
  await put(store, 0, new Uint8Array(chunkLength).fill(1))
  await expect.poll(() => pieceFiles(name)).toEqual({ '0': chunkLength })
  const { usage = 0 } = await navigator.storage.estimate()
  await setQuota(usage + chunkLength / 4)

  // Piece 1 is held and reported at once; its write is refused behind the engine's back, and the
  // put that completes the torrent waits for every write, so it carries the refusal to the engine.
  await put(store, 1, new Uint8Array(chunkLength).fill(2))
  const refused = await put(store, 2, new Uint8Array(chunkLength).fill(3)).catch((error: unknown) => error)
  expect(isQuotaError(refused)).toBe(true)
  // The torrent is stopped with it too, once: a seed's loader does not hear errors of puts it did not wait for.
  expect(stopped).toHaveLength(1)
  expect(isQuotaError(stopped[0])).toBe(true)
  expect(await pieceFiles(name)).toEqual({ '0': chunkLength })
  // Every later put fails the same way: the engine stops the torrent on the first.
  expect(isQuotaError(await put(store, 1, new Uint8Array(chunkLength)).catch((error: unknown) => error))).toBe(true)

  // As after Try again: the torrent comes back with a new store over the same folder.
  await setQuota()
  const resumed = new OpfsChunkStore(chunkLength, { name, length: 3 * chunkLength })
  await put(resumed, 1, new Uint8Array(chunkLength).fill(2))
  await put(resumed, 2, new Uint8Array(chunkLength).fill(3))
  expect(await pieceFiles(name)).toEqual({ '0': chunkLength, '1': chunkLength, '2': chunkLength })
})

test('the put that completes the torrent answers once every piece is on disk', async () => {
  name = `complete - ${crypto.randomUUID().slice(0, 8)}`
  const store = new OpfsChunkStore(chunkLength, { name, length: 8 * chunkLength - 100 })
  const pieces = Array.from({ length: 8 }, (_, i) =>
    new Uint8Array(i === 7 ? chunkLength - 100 : chunkLength).fill(i + 1),
  )
  // Out of order, as pieces arrive from a swarm.
  await Promise.all([3, 0, 7, 5, 1, 6, 2, 4].map((i) => put(store, i, pieces[i]!)))
  expect(await pieceFiles(name)).toEqual(Object.fromEntries(pieces.map((piece, i) => [String(i), piece.length])))
})

test('a piece reads back byte for byte while its write is queued and once it is on disk', async () => {
  name = `read - ${crypto.randomUUID().slice(0, 8)}`
  const store = new OpfsChunkStore(chunkLength, { name, length: 4 * chunkLength, writeBehind: true })
  const piece = Uint8Array.from({ length: chunkLength }, (_, i) => i % 251)
  await put(store, 2, piece)
  expect(await get(store, 2)).toEqual(piece)
  await expect.poll(() => pieceFiles(name)).toEqual({ '2': chunkLength })
  // A new store over the folder (as after a reload) reads it from the disk.
  const reopened = new OpfsChunkStore(chunkLength, { name, length: 4 * chunkLength })
  expect(await get(reopened, 2)).toEqual(piece)
  await expect(get(reopened, 1)).rejects.toThrow('Chunk 1 is not stored')
})

test('on a fast disk a put answers once its own piece is on disk', async () => {
  name = `through - ${crypto.randomUUID().slice(0, 8)}`
  const store = new OpfsChunkStore(chunkLength, { name, length: 4 * chunkLength, writeBehind: false })
  await put(store, 1, new Uint8Array(chunkLength).fill(7))
  // No poll: the write is done when the put answers (a write behind the engine would not be yet).
  expect(await pieceFiles(name)).toEqual({ '1': chunkLength })
  await put(store, 3, new Uint8Array(chunkLength).fill(8))
  expect(await pieceFiles(name)).toEqual({ '1': chunkLength, '3': chunkLength })
})
