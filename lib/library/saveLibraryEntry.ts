import { update } from 'idb-keyval'
import { libraryStore } from './libraryStore'
import { notifyLibraryChange } from './notifyLibraryChange'
import type { LibraryEntry } from './types'

/**
 * Adds a torrent to the library or updates it; fields already stored and not given are kept
 * (the first `addedAt` and `origin` win, so a seeded torrent stays "seeded").
 */
export async function saveLibraryEntry(entry: LibraryEntry): Promise<void> {
  await update<LibraryEntry>(
    entry.infoHash,
    (old) => ({
      ...old,
      ...entry,
      addedAt: old?.addedAt ?? entry.addedAt,
      origin: old?.origin ?? entry.origin,
      torrentFile: entry.torrentFile ?? old?.torrentFile,
      keyHex: entry.keyHex ?? old?.keyHex,
    }),
    libraryStore(),
  )
  notifyLibraryChange()
}
