import { afterEach, expect, test } from 'vitest'
import WebTorrent, { type Torrent, type TorrentFile } from 'webtorrent/dist/webtorrent.min.js'
import { endOnTorrentClose } from './endOnTorrentClose'
import { plainFileSource } from './plainFileSource'

// The real engine, no peers and no trackers: a torrent whose file list is known but none of whose
// pieces are here, so its reader waits for pieces, as a viewer's does while a download runs.

const clients: WebTorrent[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => new Promise<void>((resolve) => c.destroy(() => resolve()))))
})

async function torrentWithNoPieces(): Promise<Torrent> {
  const options = { tracker: false, dht: false, lsd: false, utPex: false, webSeeds: false } as never
  const seeder = new WebTorrent(options)
  clients.push(seeder)
  const bytes = crypto.getRandomValues(new Uint8Array(64 * 1024))
  const seeded = await new Promise<Torrent>((resolve) =>
    seeder.seed(new File([bytes], `missing-${Date.now()}.bin`), { announce: [] }, resolve),
  )
  const torrentFile = new Uint8Array(seeded.torrentFile)
  await new Promise<void>((resolve, reject) =>
    seeded.destroy({ destroyStore: true }, (e) => (e ? reject(e) : resolve())),
  )
  const viewer = new WebTorrent(options)
  clients.push(viewer)
  const torrent = viewer.add(torrentFile, { announce: [] })
  await new Promise<void>((resolve) => (torrent.ready ? resolve() : torrent.once('ready', () => resolve())))
  expect(torrent.progress).toBe(0)
  return torrent
}

function onlyFile(torrent: Torrent): TorrentFile {
  const [file] = torrent.files
  if (!file) throw new Error('The test torrent has no file.')
  return file
}

const pending = Symbol('pending')
const settle = <T>(promise: Promise<T>, ms = 1000) =>
  Promise.race([promise, new Promise<typeof pending>((resolve) => setTimeout(() => resolve(pending), ms))])

test('a read waiting for pieces ends with an error when its torrent is stopped', async () => {
  const torrent = await torrentWithNoPieces()
  const source = endOnTorrentClose(torrent, plainFileSource(onlyFile(torrent)))
  const reading = source.read({ start: 0, end: 1023 }).next()
  reading.catch(() => {})
  expect(await settle(reading, 500)).toBe(pending)

  torrent.destroy()
  await expect(settle(reading)).rejects.toThrow(/was stopped while it was being read/)
})

test('without it the engine reader of a stopped torrent never ends', async () => {
  // What endOnTorrentClose is for: if the engine ever ended such reads itself, it could go.
  const torrent = await torrentWithNoPieces()
  const reading = plainFileSource(onlyFile(torrent)).read({ start: 0, end: 1023 }).next()
  reading.catch(() => {})
  torrent.destroy()
  expect(await settle(reading)).toBe(pending)
})

test('a read started after the torrent stopped fails at once', async () => {
  const torrent = await torrentWithNoPieces()
  const source = endOnTorrentClose(torrent, plainFileSource(onlyFile(torrent)))
  await new Promise<void>((resolve) => torrent.destroy({}, () => resolve()))
  expect(() => source.read({ start: 0, end: 1023 })).toThrow(/was stopped while it was being read/)
})
