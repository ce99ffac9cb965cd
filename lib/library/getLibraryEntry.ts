import { get } from 'idb-keyval'
import { libraryStore } from './libraryStore'
import type { LibraryEntry } from './types'

/** The library's entry for an infohash, if any. */
export function getLibraryEntry(infoHash: string): Promise<LibraryEntry | undefined> {
  return get<LibraryEntry>(infoHash, libraryStore())
}
