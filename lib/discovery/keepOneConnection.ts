import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'

/** How a WebRTC connection to a peer came about, as both of its ends see it. */
export type ConnectionOrigin = {
  /** The remote peer id (hex). */
  remoteId: string
  /** Whether this end made the offer. */
  initiator: boolean
  /** Where it was signalled: 'tracker', 'nostr' or 'rtc-pex' (anything else ranks last). */
  source: string | null | undefined
}

const sourceRank: Record<string, number> = { tracker: 0, nostr: 1, 'rtc-pex': 2 }

/**
 * Which of two connections between the same two peers both ends keep: the one the lower peer id
 * offered, then the one signalled by the tracker, then Nostr, then peer exchange. Both ends rank a
 * connection alike (each knows who offered it and where it was signalled), so they keep the same
 * one whatever order the two arrived in. Returns true when `candidate` should replace `kept`; a tie
 * keeps what is there (the engine's own rule).
 */
export function outranks(selfId: string, candidate: ConnectionOrigin, kept: ConnectionOrigin): boolean {
  return rank(selfId, candidate) < rank(selfId, kept)
}

function rank(selfId: string, { remoteId, initiator, source }: ConnectionOrigin): number {
  const offeredByLower = initiator === (selfId < remoteId)
  return (offeredByLower ? 0 : 10) + (sourceRank[source ?? ''] ?? 3)
}

type EnginePeer = { id: string; type: string; source?: string | null; conn?: { initiator?: boolean } | null; destroyed?: boolean }
type Engine = {
  _peers: Map<string, EnginePeer>
  _addPeer(peer: unknown, type: string, source?: string | null): unknown
  removePeer(peer: EnginePeer): void
}

/**
 * Makes a torrent keep the same one of two WebRTC connections to a peer that both of them keep.
 *
 * The engine keeps the first connection it registers for a peer id and destroys any later one. When
 * two paths (a tracker and a Nostr relay, or two announces crossing) connect the same pair at about
 * the same time, each end may register a different one first: each then destroys the connection the
 * other kept, and the two peers end up with none, until the next announce or hello. Here a later
 * connection that outranks the registered one (see `outranks`) replaces it, on both ends alike.
 */
export function keepOneConnection(torrent: Torrent, { selfId }: { selfId: string }): void {
  const engine = torrent as unknown as Engine
  const addPeer = engine._addPeer.bind(engine)
  engine._addPeer = (peer, type, source) => {
    const conn = peer as { id?: string; initiator?: boolean } | string
    if (typeof conn === 'object' && conn?.id && !torrent.destroyed) {
      const kept = engine._peers.get(conn.id)
      const candidate = { remoteId: conn.id, initiator: !!conn.initiator, source }
      if (
        kept?.type === 'webrtc' &&
        !kept.destroyed &&
        outranks(selfId, candidate, { remoteId: kept.id, initiator: !!kept.conn?.initiator, source: kept.source })
      ) {
        // Destroying it removes it from the engine's map by id, so it must go before the new one comes in.
        engine.removePeer(kept)
      }
    }
    return addPeer(peer, type, source)
  }
}
