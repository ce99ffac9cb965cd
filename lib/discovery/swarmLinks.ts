import SimplePeer, { type SignalData } from '@thaunknown/simple-peer/lite.js'
import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { discoveryLimits } from './limits'

/** Where a peer was learned of, for the engine's counters and the status panel. */
export type LinkSource = 'nostr' | 'rtc-pex'

/** WebRTC links of one torrent made outside the trackers (Nostr relays, peer exchange). */
export type SwarmLinks = {
  /** This client's peer id (hex). */
  readonly selfId: string
  /** Whether we are connected to this peer, or connecting, or it is us. */
  knows(peerId: string): boolean
  /** Whether another half-open connection is allowed now (and the torrent is not full of peers). */
  hasRoom(): boolean
  /** Half-open connections right now (offered or answered, not yet connected). */
  halfOpen(): number
  /** Starts a connection to `peerId`: resolves its offer, or undefined when there is no room or it failed. */
  offer(peerId: string, source: LinkSource): Promise<string | undefined>
  /** Completes a connection this side offered, with the remote's answer. False when no such offer waits. */
  accept(peerId: string, answerSdp: string): boolean
  /** Answers a remote's offer: resolves the answer, or undefined when there is no room or it failed. */
  answer(peerId: string, offerSdp: string, source: LinkSource): Promise<string | undefined>
  /** Drops the half-open connection to `peerId`, if one waits (a connected one stays). */
  withdraw(peerId: string): void
  /** Peers connected through these links so far, by source. */
  readonly connected: Record<LinkSource, number>
  /** Connections started (offered or answered) so far, by source, connected or not. */
  readonly started: Record<LinkSource, number>
  destroy(): void
}

type Pending = { peer: SimplePeer; timer: ReturnType<typeof setTimeout> }

/**
 * WebRTC links for one torrent: creates simple-peer connections (the same library and settings
 * WebTorrent's trackers use), hands each to the torrent as a peer whose id is the remote peer id
 * (so a peer reached twice, e.g. by tracker and by relay, is connected once), and bounds how
 * many are half-open.
 */
export function createSwarmLinks(torrent: Torrent, { selfId }: { selfId: string }): SwarmLinks {
  const pending = new Map<string, Pending>()
  const connected: Record<LinkSource, number> = { nostr: 0, 'rtc-pex': 0 }
  const started: Record<LinkSource, number> = { nostr: 0, 'rtc-pex': 0 }
  const engine = torrent as unknown as { _peers?: Map<string, unknown> }

  const knows = (peerId: string) =>
    peerId === selfId ||
    pending.has(peerId) ||
    !!engine._peers?.has(peerId) ||
    torrent.wires.some((wire) => (wire as { peerId?: string }).peerId === peerId)

  // WebTorrent caps only the TCP peers it dials itself (maxConns): WebRTC peers handed to it are never refused.
  const hasRoom = () =>
    !torrent.destroyed &&
    pending.size < discoveryLimits.maxPendingLinks &&
    torrent.numPeers + pending.size < discoveryLimits.maxPeers

  function open(peerId: string, initiator: boolean, source: LinkSource): { peer: SimplePeer; signal: Promise<string | undefined> } {
    const peer = new SimplePeer({ initiator, trickle: false })
    peer.id = peerId
    const timer = setTimeout(() => drop(peerId, peer), discoveryLimits.linkTimeoutMs)
    pending.set(peerId, { peer, timer })
    started[source]++
    peer.once('connect', () => {
      clearTimeout(timer)
      if (pending.get(peerId)?.peer === peer) pending.delete(peerId)
      connected[source]++
    })
    peer.once('close', () => drop(peerId, peer))
    peer.once('error', () => drop(peerId, peer))
    const signal = new Promise<string | undefined>((resolve) => {
      peer.once('signal', (data: SignalData) => resolve(data.sdp))
      peer.once('close', () => resolve(undefined))
    })
    return { peer, signal }
  }

  function drop(peerId: string, peer: SimplePeer) {
    const entry = pending.get(peerId)
    if (entry?.peer !== peer) return
    clearTimeout(entry.timer)
    pending.delete(peerId)
    if (!peer.connected && !peer.destroyed) peer.destroy()
  }

  function handOver(peer: SimplePeer, source: LinkSource) {
    if (torrent.destroyed) return peer.destroy()
    // The engine owns it now: of two connections to one peer it keeps the one both ends keep (keepOneConnection).
    torrent.addPeer(peer, source)
  }

  return {
    selfId,
    knows,
    hasRoom,
    halfOpen: () => pending.size,
    connected,
    started,
    async offer(peerId, source) {
      if (knows(peerId) || !hasRoom()) return undefined
      const { peer, signal } = open(peerId, true, source)
      ;(peer as SimplePeer & { linkSource?: LinkSource }).linkSource = source
      return signal
    },
    accept(peerId, answerSdp) {
      const entry = pending.get(peerId)
      const peer = entry?.peer as (SimplePeer & { linkSource?: LinkSource; answered?: boolean }) | undefined
      if (!peer || peer.answered || peer.destroyed) return false
      peer.answered = true
      try {
        peer.signal({ type: 'answer', sdp: answerSdp })
      } catch {
        drop(peerId, peer)
        return false
      }
      handOver(peer, peer.linkSource ?? 'nostr')
      return true
    },
    async answer(peerId, offerSdp, source) {
      // Both offered at once (each heard the other's hello): the lower id's offer is the one answered.
      const crossing = pending.get(peerId)?.peer as (SimplePeer & { answered?: boolean }) | undefined
      if (crossing?.initiator && !crossing.answered && selfId > peerId) drop(peerId, crossing)
      if (knows(peerId) || !hasRoom()) return undefined
      const { peer, signal } = open(peerId, false, source)
      try {
        peer.signal({ type: 'offer', sdp: offerSdp })
      } catch {
        drop(peerId, peer)
        return undefined
      }
      const sdp = await signal
      if (sdp) handOver(peer, source)
      return sdp
    },
    withdraw(peerId) {
      const entry = pending.get(peerId)
      if (entry) drop(peerId, entry.peer)
    },
    destroy() {
      for (const [peerId, { peer }] of pending) drop(peerId, peer)
    },
  }
}
