import { del } from 'idb-keyval'
import { libraryStore } from './libraryStore'
import { notifyLibraryChange } from './notifyLibraryChange'

/**
 * Removes a torrent from the library (its stored data is removed by lib/torrent's `removeTorrent`),
 * and tells every tab, so the ones still running it stop it (see `stopRemovedTorrents`).
 */
export async function deleteLibraryEntry(infoHash: string): Promise<void> {
  await del(infoHash, libraryStore())
  notifyLibraryChange({ removed: infoHash })
}
