import { describe, expect, test } from 'vitest'
import { InvalidTorrentIdError } from './errors'
import { parseTorrentId } from './parseTorrentId'
import { toShareLink } from './toShareLink'

const hash = '08ada5a7a6183aae1e09d831df6748d566095a10'
const seed = 'https://cdn.example/files/Sintel.mp4?token=a&b=1'

describe('parseTorrentId', () => {
  test('reads a bare infohash', () => {
    expect(parseTorrentId(hash.toUpperCase())).toEqual({ infoHash: hash, torrentId: hash, webSeeds: [], trackers: [], relays: [] })
  })

  test('keeps a magnet link whole and reads its ws= web seeds', () => {
    const magnet = `magnet:?xt=urn:btih:${hash}&dn=Sintel&ws=${encodeURIComponent(seed)}&ws=ftp%3A%2F%2Fnope`
    expect(parseTorrentId(magnet)).toEqual({ infoHash: hash, torrentId: magnet, webSeeds: [seed], trackers: [], relays: [] })
  })

  test('a share link with web seeds round-trips through toShareLink', () => {
    const link = toShareLink({ site: 'https://keyswarm.example', infoHash: hash, webSeeds: [seed], keyHex: 'ab' })
    expect(link).toBe(`https://keyswarm.example/watch/?id=${hash}&ws=${encodeURIComponent(seed)}#key=ab`)
    expect(parseTorrentId(link)).toEqual({ infoHash: hash, torrentId: hash, webSeeds: [seed], trackers: [], relays: [] })
  })

  test('a share link around a magnet keeps both sets of web seeds once', () => {
    const magnet = `magnet:?xt=urn:btih:${hash}&ws=${encodeURIComponent(seed)}`
    const link = `https://keyswarm.example/watch?magnet=${encodeURIComponent(magnet)}&ws=${encodeURIComponent(seed)}&ws=http%3A%2F%2Fmirror%2Fx`
    expect(parseTorrentId(link).webSeeds).toEqual([seed, 'http://mirror/x'])
  })

  test('a share link names extra trackers and Nostr relays, and only WebSocket ones count', () => {
    const link = toShareLink({
      site: 'https://keyswarm.example',
      infoHash: hash,
      trackers: ['wss://tracker.example'],
      relays: ['wss://relay.example', 'ws://127.0.0.1:7777'],
    })
    expect(link).toBe(
      `https://keyswarm.example/watch/?id=${hash}&tr=wss%3A%2F%2Ftracker.example&relay=wss%3A%2F%2Frelay.example&relay=ws%3A%2F%2F127.0.0.1%3A7777`,
    )
    const parsed = parseTorrentId(`${link}&tr=http%3A%2F%2Fnot-a-ws&relay=javascript%3Aalert(1)`)
    expect(parsed.trackers).toEqual(['wss://tracker.example'])
    expect(parsed.relays).toEqual(['wss://relay.example', 'ws://127.0.0.1:7777'])
  })

  test('refuses text that names no torrent', () => {
    expect(() => parseTorrentId('https://example.com/watch?ws=x')).toThrow(InvalidTorrentIdError)
  })
})
