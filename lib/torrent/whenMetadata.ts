import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { TorrentError } from './errors'

/** Resolves once the torrent's file list is known (at once if it is); rejects if it closes first. */
export function whenMetadata(torrent: Torrent): Promise<void> {
  if (torrent.destroyed) return Promise.reject(new TorrentError(`The torrent ${torrent.infoHash} was closed.`))
  if (torrent.ready || (torrent.metadata && torrent.pieces.length > 0)) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const onMetadata = () => {
      torrent.removeListener('metadata', onMetadata)
      torrent.removeListener('ready', onMetadata)
      torrent.removeListener('close', onClose)
      resolve()
    }
    const onClose = () => {
      torrent.removeListener('metadata', onMetadata)
      torrent.removeListener('ready', onMetadata)
      reject(new TorrentError(`The torrent ${torrent.infoHash} was closed.`))
    }
    torrent.once('metadata', onMetadata)
    torrent.once('ready', onMetadata)
    torrent.once('close', onClose)
  })
}
