import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import type { RelayStatus } from './startNostrDiscovery'
import { swarmRegistry } from './swarmRegistry'

/** Whether a tracker answers: its socket is open, is being opened, or failed and waits to retry. */
export type TrackerState = 'answers' | 'connecting' | 'unreachable'

/** How a torrent finds peers right now, for the status panel (plain data). */
export type SwarmStatus = {
  trackers: { url: string; state: TrackerState }[]
  relays: RelayStatus[]
  /** Peers connected without a tracker so far: through Nostr relays and through peer exchange. */
  connectedVia: { nostr: number; rtcPex: number }
  /** Peers cut off for flooding the peer exchange. */
  cutOff: number
  /** This tab's peer id (hex), as other peers see it; undefined before discovery starts. */
  selfId?: string
  /** What peer exchange did so far, and the half-open connections now (capped by discoveryLimits). */
  peerExchange: { relayed: number; dropped: number; offersIn: number; halfOpen: number; started: number }
}

type EngineTracker = { announceUrl?: string; reconnecting?: boolean; socket?: { connected?: boolean } | null }

/**
 * Reads each tracker's state from the engine's tracker client (WebTorrent keeps one WebSocket per
 * tracker, each on its own: a dead one retries later and holds up none of the others), and the
 * state of the torrent's Nostr relays and peer exchange.
 */
export function getSwarmStatus(torrent: Torrent): SwarmStatus {
  const engine = torrent as unknown as { discovery?: { tracker?: { _trackers?: EngineTracker[] } } }
  const trackers = (engine.discovery?.tracker?._trackers ?? [])
    .filter((tracker) => typeof tracker.announceUrl === 'string')
    .map((tracker) => ({
      url: tracker.announceUrl!,
      state: (tracker.socket?.connected ? 'answers' : tracker.reconnecting ? 'unreachable' : 'connecting') as TrackerState,
    }))
  const discovery = swarmRegistry.running.get(torrent.infoHash)
  return {
    trackers,
    relays: discovery?.nostr?.relayStates() ?? [],
    connectedVia: { nostr: discovery?.links.connected.nostr ?? 0, rtcPex: discovery?.links.connected['rtc-pex'] ?? 0 },
    cutOff: discovery?.pex.stats.cutOff ?? 0,
    selfId: discovery?.links.selfId,
    peerExchange: {
      relayed: discovery?.pex.stats.relayed ?? 0,
      dropped: discovery?.pex.stats.dropped ?? 0,
      offersIn: discovery?.pex.stats.offersIn ?? 0,
      halfOpen: discovery?.links.halfOpen() ?? 0,
      started: discovery?.links.started['rtc-pex'] ?? 0,
    },
  }
}
