import type { Torrent, TorrentFile } from 'webtorrent/dist/webtorrent.min.js'
import { dropStaleRequests } from '../torrent/dropStaleRequests'
import { mimeType } from './mimeType'
import type { StreamSource } from './types'

/** Parameters of `plainFileSource`. */
export type PlainFileSourceParameters = {
  /** The file's torrent: when given, a read (a seek) first drops requests for pieces it does not need. */
  torrent?: Torrent
}

/**
 * Serves a torrent file as it is. Reading a range selects its pieces with high priority (the
 * engine fetches what the player needs first); stopping the read deselects them.
 */
export function plainFileSource(file: TorrentFile, { torrent }: PlainFileSourceParameters = {}): StreamSource {
  return {
    size: file.length,
    mime: mimeType(file.name),
    name: file.name,
    read: ({ start, end, resumed }) => {
      const iterator = file[Symbol.asyncIterator]({ start, end })
      if (torrent && !resumed) dropStaleRequests(torrent, { file, start, end })
      return iterator
    },
  }
}
