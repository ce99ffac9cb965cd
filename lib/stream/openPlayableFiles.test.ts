import { EventEmitter } from 'node:events'
import type { Hex } from 'viem'
import { expect, test } from 'vitest'
import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { encryptManifest } from '../crypto/encryptManifest'
import { WrongKeyError } from '../crypto/errors'
import { opaqueName } from '../crypto/opaqueName'
import { createPlaybackKeys } from './createPlaybackKeys'
import { openPlayableFiles } from './openPlayableFiles'

const key: Hex = `0x${'11'.repeat(32)}`
const fileId = (n: number): Hex => `0x${n.toString(16).padStart(32, '0')}`

/** A torrent as the engine shows it to these functions: files with bytes, and its events. */
function fakeTorrent(files: { path: string; bytes?: Uint8Array; length?: number }[], { metadata = true } = {}) {
  const torrent = Object.assign(new EventEmitter(), {
    infoHash: 'ab'.repeat(20),
    destroyed: false,
    ready: false,
    metadata: metadata ? new Uint8Array(1) : null,
    pieces: metadata ? [{}] : [],
    files: files.map(({ path, bytes = new Uint8Array(0), length = bytes.length }) => ({
      path,
      name: path.slice(path.lastIndexOf('/') + 1),
      length,
      progress: 0.5,
      arrayBuffer: async ({ start = 0, end = bytes.length - 1 } = {}) => bytes.slice(start, end + 1).buffer,
    })),
  })
  return torrent as unknown as Torrent & EventEmitter & { metadata: Uint8Array | null; pieces: unknown[] }
}

async function paidTorrent() {
  const manifest = await encryptManifest({
    key,
    files: [
      { name: 'trailer.mp4', type: 'video/mp4', size: 100, fileId: fileId(1) },
      { name: 'film.mp4', type: 'video/mp4', size: 5000, fileId: fileId(2) },
    ],
  })
  return fakeTorrent([
    { path: 'listing/cover.jpg', length: 9000 },
    { path: 'listing/manifest', bytes: manifest },
    { path: `listing/${opaqueName(fileId(1))}`, length: 200 },
    { path: `listing/${opaqueName(fileId(2))}`, length: 6000 },
  ])
}

test('names an encrypted torrent’s files from its manifest and opens on the main one', async () => {
  const torrent = await paidTorrent()
  const playable = openPlayableFiles(torrent, { key, keys: createPlaybackKeys() })
  const { files, main } = await playable.files
  expect(files.map((f) => [f.index, f.name, f.size, f.mime])).toEqual([
    [2, 'trailer.mp4', 100, 'video/mp4'],
    [3, 'film.mp4', 5000, 'video/mp4'],
  ])
  expect(main?.name).toBe('film.mp4')
  expect(main?.progress()).toBe(0.5)
})

test('lends the key and the manifest to the stream path until destroyed', async () => {
  const torrent = await paidTorrent()
  const keys = createPlaybackKeys()
  const playable = openPlayableFiles(torrent, { key, keys })
  const held = keys.get(torrent.infoHash)
  expect(held?.key).toBe(key)
  expect((await held!.files)?.map((f) => f.name)).toEqual(['trailer.mp4', 'film.mp4'])
  playable.destroy()
  expect(keys.get(torrent.infoHash)).toBeUndefined()
})

test('waits for the file list of a torrent opened from a magnet link', async () => {
  const torrent = fakeTorrent([{ path: 'clip.webm', length: 10 }], { metadata: false })
  const playable = openPlayableFiles(torrent, { keys: createPlaybackKeys() })
  let done = false
  void playable.files.then(() => (done = true))
  await new Promise((resolve) => setTimeout(resolve, 10))
  expect(done).toBe(false)
  torrent.metadata = new Uint8Array(1)
  torrent.pieces = [{}]
  torrent.emit('metadata')
  expect((await playable.files).main?.name).toBe('clip.webm')
})

test('lists a plain torrent’s files by path and never opens on its cover while something else is there', async () => {
  const torrent = fakeTorrent([
    { path: 'album/cover.jpg', length: 900 },
    { path: 'album/notes/liner.txt', length: 10 },
  ])
  const keys = createPlaybackKeys()
  const { files, main } = await openPlayableFiles(torrent, { keys }).files
  expect(files.map((f) => f.path)).toEqual(['album/cover.jpg', 'album/notes/liner.txt'])
  expect(main?.name).toBe('liner.txt')
  expect(keys.get(torrent.infoHash)).toBeUndefined()
})

test('reports a key that is not the torrent’s', async () => {
  const torrent = await paidTorrent()
  const playable = openPlayableFiles(torrent, { key: `0x${'22'.repeat(32)}`, keys: createPlaybackKeys() })
  await expect(playable.files).rejects.toBeInstanceOf(WrongKeyError)
})

test('stops waiting when the torrent closes first', async () => {
  const torrent = fakeTorrent([], { metadata: false })
  const playable = openPlayableFiles(torrent, { keys: createPlaybackKeys() })
  torrent.emit('close')
  await expect(playable.files).rejects.toThrow('was closed')
})
