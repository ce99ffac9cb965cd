import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { StorageFullError } from './errors'
import { isQuotaError } from './isQuotaError'
import { type TorrentHealth, torrentHealth } from './torrentHealth'

/**
 * Listens to a torrent's `error`, `warning`, `trackerAnnounce` events for as long as it lives,
 * so every error and warning reaches the status UI and the log. Idempotent.
 */
export function watchTorrentHealth(torrent: Torrent): TorrentHealth {
  const known = torrentHealth.get(torrent)
  if (known) return known
  const health: TorrentHealth = { trackerReached: false, unreachableTrackers: new Set(), since: Date.now() }
  torrentHealth.set(torrent, health)

  const onWarning = (warning: unknown) => {
    const error = warning instanceof Error ? warning : new Error(String(warning))
    health.lastWarning = error
    // torrent-discovery words tracker failures as "Error connecting to <url>" / "... <url>: <reason>".
    const url = /(wss?:\/\/[^\s:]+(?::\d+)?[^\s]*)/.exec(error.message)?.[1]
    if (url) health.unreachableTrackers.add(url.replace(/[.,;)]+$/, ''))
    console.warn(`[keyswarm] ${torrent.name ?? torrent.infoHash}:`, error.message)
  }
  const onError = (error: unknown) => {
    // A piece that does not fit in the quota stops the engine with the browser's own words; a
    // person needs to know what to do about it.
    health.error = isQuotaError(error)
      ? new StorageFullError({ cause: error })
      : error instanceof Error
        ? error
        : new Error(String(error))
    console.error(`[keyswarm] ${torrent.name ?? torrent.infoHash} failed:`, error)
  }
  const onAnnounce = () => {
    health.trackerReached = true
    health.unreachableTrackers.clear()
  }
  torrent.on('warning', onWarning)
  torrent.on('error', onError)
  torrent.on('trackerAnnounce', onAnnounce)
  torrent.once('close', () => {
    torrent.removeListener('warning', onWarning)
    torrent.removeListener('trackerAnnounce', onAnnounce)
    // The error listener stays: an error emitted while closing must not escape to the client.
  })
  return health
}
