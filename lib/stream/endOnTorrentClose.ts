import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { TorrentError } from '../torrent/errors'
import type { StreamSource } from './types'

/** The torrent a source reads from, as far as ending its reads goes. */
export type ClosableTorrent = Pick<Torrent, 'infoHash' | 'destroyed' | 'once' | 'removeListener'> & { name?: string }

/**
 * The same source, whose reads end with an error when `torrent` closes (stopped, removed, failed):
 * the engine's reader waits for pieces a closed torrent never verifies, so a read would otherwise
 * hang, and the player with it. The responder turns the error into a failed or short response.
 */
export function endOnTorrentClose(torrent: ClosableTorrent, source: StreamSource): StreamSource {
  const closedError = () =>
    new TorrentError(`The torrent "${torrent.name ?? torrent.infoHash}" was stopped while it was being read.`)
  return {
    ...source,
    read: (range) => {
      if (torrent.destroyed) throw closedError()
      const inner = source.read(range)
      let onClose: () => void = () => {}
      const closed = new Promise<never>((_, reject) => {
        onClose = () => {
          reject(closedError())
          // Releases what the engine's reader holds (its piece selection); it may fail on a closed torrent.
          inner.return?.().catch((error: unknown) => console.warn('[keyswarm] closing a stopped read:', error))
        }
      })
      // Rejected only when someone awaits it; without this a close after the last read is unhandled.
      closed.catch(() => {})
      torrent.once('close', onClose)
      const release = () => torrent.removeListener('close', onClose)
      return {
        next: async () => {
          const result = await Promise.race([inner.next(), closed])
          if (result.done) release()
          return result
        },
        return: async (value?: unknown) => {
          release()
          return (await inner.return?.(value)) ?? { done: true, value: undefined }
        },
      }
    },
  }
}
