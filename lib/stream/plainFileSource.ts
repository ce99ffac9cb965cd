import type { TorrentFile } from 'webtorrent/dist/webtorrent.min.js'
import { mimeType } from './mimeType'
import type { StreamSource } from './types'

/**
 * Serves a torrent file as it is. Reading a range selects its pieces with high priority (the
 * engine fetches what the player needs first); stopping the read deselects them.
 */
export function plainFileSource(file: TorrentFile): StreamSource {
  return {
    size: file.length,
    mime: mimeType(file.name),
    name: file.name,
    read: ({ start, end }) => file[Symbol.asyncIterator]({ start, end }),
  }
}
