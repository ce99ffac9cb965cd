import { values } from 'idb-keyval'
import { libraryStore } from './libraryStore'
import type { LibraryEntry } from './types'

export type { LibraryEntry } from './types'

/** Every torrent of the library, newest first. */
export async function listLibrary(): Promise<LibraryEntry[]> {
  const entries = await values<LibraryEntry>(libraryStore())
  return entries.sort((a, b) => b.addedAt - a.addedAt)
}
