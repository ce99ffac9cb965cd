import type { TorrentHealth } from './torrentHealth'

/** What {@link describeStall} looks at of a torrent (the fields of `getTorrentStatus` it needs). */
export type StallInputs = { done: boolean; downloadSpeed: number; numPeers: number; hasMetadata: boolean }

/** Seconds a torrent may look for peers before the status says why nothing moves. */
const GRACE_MS = 3000

/**
 * Why a torrent is not moving, in words a person understands; undefined when it moves, is
 * complete and seeding, or only just started.
 */
export function describeStall(status: StallInputs, health: TorrentHealth): string | undefined {
  if (health.removed) return 'It was removed from your library, so it is no longer downloaded or shared here.'
  if (health.error) return `It stopped: ${health.error.message}`
  if (status.done) return undefined
  if (status.downloadSpeed > 0) return undefined
  const waited = Date.now() - health.since
  if (status.numPeers > 0) {
    return status.hasMetadata
      ? 'Connected, but the peers have not sent anything yet. They may not have the missing parts.'
      : 'Connected to peers; asking them for the file list.'
  }
  if (waited < GRACE_MS) return 'Looking for peers...'
  if (!health.trackerReached && health.unreachableTrackers.size > 0) {
    return `Cannot reach the tracker (${[...health.unreachableTrackers].join(', ')}), so no peers can be found. Check your connection, or try again later.`
  }
  if (!health.trackerReached) return 'Still trying to reach a tracker to find peers...'
  return status.hasMetadata
    ? 'No peers yet: nobody else is sharing this right now. It will continue as soon as someone does.'
    : 'No peers yet: nobody is sharing this right now, so the file list is still unknown.'
}
