import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { saveLibraryEntry } from '../library/saveLibraryEntry'

/** Parameters of `rememberTorrent`. */
export type RememberTorrentParameters = {
  origin: 'seeded' | 'downloaded'
  keyHex?: string
}

/**
 * Keeps a torrent in the library so it resumes after a reload, and stores its .torrent file
 * as soon as the metadata is known (resuming then needs no peer to learn the file list).
 */
export async function rememberTorrent(torrent: Torrent, { origin, keyHex }: RememberTorrentParameters): Promise<void> {
  // Before the metadata, the engine's `torrentFile` is a stub without the info dictionary.
  const hasMetadata = () => (torrent.pieces?.length ?? 0) > 0
  const save = () =>
    saveLibraryEntry({
      infoHash: torrent.infoHash,
      name: torrent.name ?? torrent.infoHash,
      length: torrent.length ?? 0,
      torrentFile: hasMetadata() ? new Uint8Array(torrent.torrentFile) : undefined,
      pieceCount: hasMetadata() ? torrent.pieces.length : undefined,
      magnetURI: torrent.magnetURI,
      origin,
      addedAt: Date.now(),
      keyHex,
    })
  await save()
  if (!hasMetadata()) {
    torrent.once('metadata', () => {
      save().catch((error: unknown) => console.error('[keyswarm] could not save the library entry', error))
    })
  }
}
