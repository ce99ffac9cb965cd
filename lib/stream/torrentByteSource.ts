import type { TorrentFile } from 'webtorrent/dist/webtorrent.min.js'
import type { ByteSource } from '../crypto/types'

/**
 * Random access to a torrent file's bytes for lib/crypto: each read fetches (and prioritizes)
 * the pieces it covers and waits for them.
 */
export function torrentByteSource(file: TorrentFile): ByteSource {
  return {
    size: file.length,
    read: async (offset, length) => {
      const end = Math.min(file.length, offset + length) - 1
      if (end < offset) return new Uint8Array(0)
      // The engine treats `end: 0` as "to the end of the file"; read one byte more and cut.
      if (end === 0) return new Uint8Array(await file.arrayBuffer({ start: 0, end: 1 })).subarray(0, 1)
      return new Uint8Array(await file.arrayBuffer({ start: offset, end }))
    },
  }
}
