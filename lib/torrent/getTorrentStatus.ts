import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { type SwarmStatus, getSwarmStatus } from '../discovery/getSwarmStatus'
import { describeStall } from './describeStall'
import { watchTorrentHealth } from './watchTorrentHealth'

/** A snapshot of a torrent for the status UI (plain data, cheap to compare and render). */
export type TorrentStatus = {
  infoHash: string
  name: string
  /** Metadata (file list, sizes) is known. */
  hasMetadata: boolean
  done: boolean
  /** 0..1 */
  progress: number
  length: number
  downloaded: number
  uploaded: number
  /** Bytes per second. */
  downloadSpeed: number
  uploadSpeed: number
  /** Milliseconds; `Infinity` when nothing moves. */
  timeRemaining: number
  numPeers: number
  /** One byte per piece group: 0..255 share of the group's pieces that are here (for the pieces bar). */
  pieces: Uint8Array
  /** A sentence for a person when nothing moves (no peers yet, tracker unreachable...), else undefined. */
  stall?: string
  /** The error that stopped the torrent. */
  error?: string
  destroyed: boolean
  /** Which trackers and Nostr relays answer, and how many peers came without a tracker. */
  swarm: SwarmStatus
  /** The person removed it from the library (maybe in another tab): nothing to retry. */
  removed: boolean
}

/**
 * Reads a torrent's progress, peers, speeds and pieces.
 * @param bins How many cells the pieces bar has (pieces are grouped into them).
 */
export function getTorrentStatus(torrent: Torrent, { bins = 200 }: { bins?: number } = {}): TorrentStatus {
  const health = watchTorrentHealth(torrent)
  const hasMetadata = !!torrent.bitfield && torrent.pieces.length > 0
  const pieces = new Uint8Array(hasMetadata ? Math.min(bins, torrent.pieces.length) : 0)
  if (hasMetadata) {
    const total = torrent.pieces.length
    for (let cell = 0; cell < pieces.length; cell++) {
      const from = Math.floor((cell * total) / pieces.length)
      const to = Math.max(from + 1, Math.floor(((cell + 1) * total) / pieces.length))
      let have = 0
      for (let i = from; i < to; i++) if (torrent.bitfield.get(i)) have++
      pieces[cell] = Math.round((255 * have) / (to - from))
    }
  }
  const status: TorrentStatus = {
    infoHash: torrent.infoHash,
    name: torrent.name ?? torrent.infoHash,
    hasMetadata,
    done: torrent.done,
    progress: torrent.progress,
    length: torrent.length ?? 0,
    downloaded: torrent.downloaded,
    uploaded: torrent.uploaded,
    downloadSpeed: torrent.downloadSpeed,
    uploadSpeed: torrent.uploadSpeed,
    timeRemaining: torrent.timeRemaining,
    numPeers: torrent.numPeers,
    pieces,
    error: health.error?.message,
    destroyed: torrent.destroyed,
    swarm: getSwarmStatus(torrent),
    removed: !!health.removed,
  }
  status.stall = describeStall(status, health)
  return status
}
