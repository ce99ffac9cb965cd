import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { describe, expect, test } from 'vitest'
import { type ConnectionOrigin, keepOneConnection, outranks } from './keepOneConnection'

const low = '1'.repeat(40)
const high = '9'.repeat(40)
const sources = ['tracker', 'nostr', 'rtc-pex', null] as const

/** A connection between `low` and `high`, as the end `self` sees it. */
type Link = { offeredBy: string; source: (typeof sources)[number]; name: string }
const seenFrom = (self: string, link: Link): ConnectionOrigin => ({
  remoteId: self === low ? high : low,
  initiator: link.offeredBy === self,
  source: link.source,
})

const allLinks: Link[] = [low, high].flatMap((offeredBy) =>
  sources.map((source) => ({ offeredBy, source, name: `${source} offered by ${offeredBy === low ? 'low' : 'high'}` })),
)

type FakePeer = { id: string; type: 'webrtc'; source: string | null; conn: { initiator: boolean; name: string }; destroyed: boolean }

/**
 * The engine's peer registry as WebTorrent runs it: the first connection per peer id is kept, a later
 * one is destroyed, and destroying a registered peer removes it by id.
 */
function fakeEngine() {
  const destroyed: string[] = []
  const engine = {
    destroyed: false,
    _peers: new Map<string, FakePeer>(),
    _addPeer(conn: { id: string; initiator: boolean; name: string }, _type: string, source: string | null) {
      if (engine._peers.has(conn.id)) {
        destroyed.push(conn.name)
        return null
      }
      const peer: FakePeer = { id: conn.id, type: 'webrtc', source, conn, destroyed: false }
      engine._peers.set(conn.id, peer)
      return peer
    },
    removePeer(peer: FakePeer) {
      peer.destroyed = true
      destroyed.push(peer.conn.name)
      engine._peers.delete(peer.id)
    },
  }
  return { engine, destroyed, kept: () => [...engine._peers.values()].map((peer) => peer.conn.name) }
}

/** One end receiving two connections in the given order: what it keeps. */
function keptAt(self: string, arrivals: Link[]): string[] {
  const { engine, kept } = fakeEngine()
  keepOneConnection(engine as unknown as Torrent, { selfId: self })
  for (const link of arrivals) {
    const origin = seenFrom(self, link)
    engine._addPeer({ id: origin.remoteId, initiator: origin.initiator, name: link.name }, 'webrtc', link.source)
  }
  return kept()
}

describe('keepOneConnection', () => {
  test('the two ends of a pair rank every two connections alike', () => {
    for (const a of allLinks)
      for (const b of allLinks)
        expect(outranks(low, seenFrom(low, a), seenFrom(low, b)), `${a.name} vs ${b.name}`).toBe(
          outranks(high, seenFrom(high, a), seenFrom(high, b)),
        )
  })

  test('the connection the lower id offered wins, whatever path signalled it', () => {
    const byLowOverNostr = seenFrom(low, { offeredBy: low, source: 'nostr', name: '' })
    const byHighOverTracker = seenFrom(low, { offeredBy: high, source: 'tracker', name: '' })
    expect(outranks(low, byLowOverNostr, byHighOverTracker)).toBe(true)
    expect(outranks(low, byHighOverTracker, byLowOverNostr)).toBe(false)
  })

  test('two ends that receive two different connections in opposite orders keep the same one', () => {
    for (const a of allLinks)
      for (const b of allLinks) {
        if (a === b) continue
        // The race that left both ends with nothing: each registered a different one first.
        const atLow = keptAt(low, [a, b])
        const atHigh = keptAt(high, [b, a])
        const tie = !outranks(low, seenFrom(low, a), seenFrom(low, b)) && !outranks(low, seenFrom(low, b), seenFrom(low, a))
        if (!tie) expect(atLow, `${a.name} then ${b.name}`).toEqual(atHigh)
        expect(atLow).toHaveLength(1)
      }
  })

  test('a worse connection arriving second is refused, and the kept one stays', () => {
    const best = { offeredBy: low, source: 'tracker', name: 'best' } as const
    const worse = { offeredBy: high, source: 'nostr', name: 'worse' } as const
    expect(keptAt(low, [best, worse])).toEqual(['best'])
    expect(keptAt(low, [worse, best])).toEqual(['best'])
  })
})
