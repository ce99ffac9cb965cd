'use client'

import { useEffect, useState } from 'react'
import { type LibraryEntry, listLibrary } from '@/lib/library/listLibrary'
import { onLibraryChange } from '@/lib/library/onLibraryChange'

/** The library's entries, kept up to date when this or another tab changes them. */
export function useLibrary(): { entries: LibraryEntry[] | undefined; error: unknown } {
  const [entries, setEntries] = useState<LibraryEntry[]>()
  const [error, setError] = useState<unknown>()
  useEffect(() => {
    let live = true
    const load = () =>
      listLibrary().then(
        (list) => live && setEntries(list),
        (e: unknown) => live && setError(e),
      )
    void load()
    const stop = onLibraryChange(() => void load())
    return () => {
      live = false
      stop()
    }
  }, [])
  return { entries, error }
}
