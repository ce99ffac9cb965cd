import type { LibraryEntry } from '../library/types'

/**
 * Which pieces of a library torrent are in its OPFS directory, as a BitTorrent bitfield. Given to
 * the engine on resume, it re-hashes only a couple of pieces per file instead of every stored
 * byte (a chunk file exists only once its piece was verified and fully written: OPFS writes
 * replace the file atomically on close). Undefined when it cannot tell (no piece count yet).
 */
export async function storedBitfield(entry: Pick<LibraryEntry, 'name' | 'infoHash' | 'pieceCount'>): Promise<Uint8Array | undefined> {
  const { pieceCount } = entry
  if (!pieceCount || typeof navigator.storage?.getDirectory !== 'function') return undefined
  const bits = new Uint8Array(Math.ceil(pieceCount / 8))
  try {
    const root = await navigator.storage.getDirectory()
    // The engine names a torrent's store "<torrent name> - <first 8 of the infohash>".
    const directory = await root.getDirectoryHandle(`${entry.name} - ${entry.infoHash.slice(0, 8)}`)
    for await (const key of (directory as unknown as { keys(): AsyncIterable<string> }).keys()) {
      const index = /^\d+$/.test(key) ? Number(key) : -1
      if (index >= 0 && index < pieceCount) bits[index >> 3]! |= 128 >> index % 8
    }
  } catch (error) {
    if ((error as DOMException)?.name === 'NotFoundError') return bits
    throw error
  }
  return bits
}
