import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'

const marked = new WeakSet<Torrent>()

/**
 * Leaves User Timing marks for a torrent's milestones: `keyswarm:torrent-added` now, then
 * `keyswarm:metadata`, `keyswarm:first-piece` and `keyswarm:done` as they happen (detail: the
 * infohash). DevTools' performance panel and the stream benchmark read them, so the time from
 * navigation to each phase can be told apart. A handful of marks per torrent; idempotent.
 */
export function markTorrentTimeline(torrent: Torrent): void {
  if (marked.has(torrent) || typeof performance === 'undefined' || typeof performance.mark !== 'function') return
  marked.add(torrent)
  const mark = (name: string) => void performance.mark(`keyswarm:${name}`, { detail: torrent.infoHash })
  mark('torrent-added')
  if (torrent.metadata) mark('metadata')
  else torrent.once('metadata', () => mark('metadata'))
  if (torrent.done) return mark('done')
  torrent.once('verified', () => mark('first-piece'))
  torrent.once('done', () => mark('done'))
}
