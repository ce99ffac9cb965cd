import Wire from 'bittorrent-protocol'
import { describe, expect, test } from 'vitest'
import type { Torrent, TorrentFile } from 'webtorrent/dist/webtorrent.min.js'
import { dropStaleRequests } from './dropStaleRequests'

const PIECE = 64 * 1024
const BLOCK = 16 * 1024
const infoHash = 'aa'.repeat(20)

type RequestWire = InstanceType<typeof Wire> & {
  request(piece: number, offset: number, length: number, cb: (error: Error | null) => void): void
  requests: { piece: number }[]
  unchoke(): void
  interested(): void
}

/** A downloader's wire piped to a seeder's that never answers: every request stays in flight. */
async function downloaderWire(): Promise<RequestWire> {
  const seeder = new Wire() as RequestWire
  const downloader = new Wire() as RequestWire
  seeder.pipe(downloader).pipe(seeder)
  const unchoked = new Promise((resolve) => downloader.once('unchoke', resolve))
  seeder.handshake(infoHash, 'bb'.repeat(20), { dht: false })
  downloader.handshake(infoHash, 'cc'.repeat(20), { dht: false })
  downloader.interested()
  seeder.unchoke()
  await unchoked
  return downloader
}

describe('dropStaleRequests', () => {
  test('cancels the requests for pieces before a seek target and keeps those at the target', async () => {
    const wire = await downloaderWire()
    const outcomes = new Map<string, string>()
    const ask = (piece: number, offset: number) =>
      wire.request(piece, offset, BLOCK, (error) => outcomes.set(`${piece}/${offset}`, error ? error.message : 'ok'))
    for (const piece of [0, 1, 2]) for (let offset = 0; offset < PIECE; offset += BLOCK) ask(piece, offset)
    ask(40, 0)
    const torrent = { wires: [wire], pieceLength: PIECE } as unknown as Torrent
    const file = { offset: 0, length: 100 * PIECE } as TorrentFile

    const dropped = dropStaleRequests(torrent, { file, start: 40 * PIECE + 100, end: 100 * PIECE - 1 })

    expect(dropped).toBe(12)
    expect(wire.requests.map((r) => r.piece)).toEqual([40])
    expect(outcomes.get('0/0')).toMatch(/cancel/)
    expect(outcomes.has('40/0')).toBe(false)
  })

  test('keeps the requests a read that goes on from where it was needs', async () => {
    const wire = await downloaderWire()
    for (const piece of [3, 4, 5]) wire.request(piece, 0, BLOCK, () => {})
    const torrent = { wires: [wire], pieceLength: PIECE } as unknown as Torrent
    const file = { offset: 0, length: 100 * PIECE } as TorrentFile

    expect(dropStaleRequests(torrent, { file, start: 3 * PIECE, end: 100 * PIECE - 1 })).toBe(0)
    expect(wire.requests.map((r) => r.piece)).toEqual([3, 4, 5])
  })
})
