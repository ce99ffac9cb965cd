/** One torrent of the person's library, as kept in IndexedDB so it resumes after a reload. */
export type LibraryEntry = {
  /** Lower-case hex v1 infohash; the entry's key. */
  infoHash: string
  name: string
  /** Total size in bytes (0 until the metadata is known). */
  length: number
  /** The .torrent file once the metadata is known; resuming from it needs no peer for metadata. */
  torrentFile?: Uint8Array
  /** The magnet link it was opened from, used until `torrentFile` is known. */
  magnetURI: string
  /** Whether this tab created the torrent from the person's own files. */
  origin: 'seeded' | 'downloaded'
  /** Milliseconds since the epoch. */
  addedAt: number
  /** Number of pieces, once the metadata is known (sizes the bitfield of stored pieces on resume). */
  pieceCount?: number
  /** Hex content key of an encrypted torrent, when the person holds it. */
  keyHex?: string
}

/** What a library change was, as told to this tab and the site's other tabs. */
export type LibraryChange = {
  /** Infohash of a torrent the person removed: every tab stops it (its data is already gone). */
  removed?: string
}
