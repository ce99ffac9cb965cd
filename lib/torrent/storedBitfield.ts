import type { LibraryEntry } from '../library/types'

/**
 * Which pieces of a library torrent are in its OPFS directory, as a BitTorrent bitfield. Given to
 * the engine on resume, it re-hashes only a couple of pieces per file instead of every stored
 * byte. Only non-empty chunk files count: OPFS writes replace a file atomically on close, so a
 * chunk file holds either a whole verified piece or nothing (created, but its write never
 * finished). Undefined when it cannot tell (no piece count yet).
 */
export async function storedBitfield(entry: Pick<LibraryEntry, 'name' | 'infoHash' | 'pieceCount'>): Promise<Uint8Array | undefined> {
  const { pieceCount } = entry
  if (!pieceCount || typeof navigator.storage?.getDirectory !== 'function') return undefined
  const bits = new Uint8Array(Math.ceil(pieceCount / 8))
  try {
    const root = await navigator.storage.getDirectory()
    // The engine names a torrent's store "<torrent name> - <first 8 of the infohash>".
    const directory = await root.getDirectoryHandle(`${entry.name} - ${entry.infoHash.slice(0, 8)}`)
    const pieces: Promise<void>[] = []
    const entries = (directory as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()
    for await (const [key, handle] of entries) {
      const index = /^\d+$/.test(key) ? Number(key) : -1
      if (index < 0 || index >= pieceCount || handle.kind !== 'file') continue
      // An empty file is a piece whose write never completed: refused (a full quota), or the tab
      // closed first. Counted, the engine would trust it and never fetch that piece again.
      pieces.push(
        (handle as FileSystemFileHandle).getFile().then(
          (file) => {
            if (file.size > 0) bits[index >> 3]! |= 128 >> (index % 8)
          },
          (error: unknown) => {
            // Removed since it was listed (its torrent removed meanwhile): not stored.
            if ((error as DOMException)?.name !== 'NotFoundError') throw error
          },
        ),
      )
    }
    await Promise.all(pieces)
  } catch (error) {
    if ((error as DOMException)?.name === 'NotFoundError') return bits
    throw error
  }
  return bits
}
