import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'

/** What the engine said about a torrent, kept so the status UI can explain a stall in words. */
export type TorrentHealth = {
  /** At least one tracker answered an announce. */
  trackerReached: boolean
  /** Tracker URLs that could not be reached (from the engine's warnings). */
  unreachableTrackers: Set<string>
  /** The last warning, for the log line under the status. */
  lastWarning?: Error
  /** The error that stopped the torrent, if any. */
  error?: Error
  /** The person removed it from the library (in this tab or another): it stopped on purpose, its data is gone. */
  removed?: boolean
  /** When the torrent was added (ms since the epoch). */
  since: number
}

/** Health records by torrent (internal to lib/torrent: read them with `getTorrentStatus`). */
export const torrentHealth = new WeakMap<Torrent, TorrentHealth>()
