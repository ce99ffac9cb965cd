'use client'

import { useEffect, useState } from 'react'
import type { Hex } from 'viem'
import { formatError } from '@/lib/formatError'
import { type PlayableFiles, openPlayableFiles } from '@/lib/stream/openPlayableFiles'
import type { Torrent } from '@/lib/torrent/addTorrent'

/** What {@link usePlayableFiles} gives a page. */
export type UsePlayableFilesReturnType = Partial<PlayableFiles> & {
  /** The file list (or the manifest) could not be read: a sentence for a person. */
  error?: string
}

/**
 * A torrent's playable files and its main file, for as long as the component shows the torrent:
 * `openPlayableFiles` on mount (and when the torrent or key changes), its `destroy` on unmount.
 * `files` is undefined until the file list (and, with a key, the manifest) is read.
 */
export function usePlayableFiles(torrent: Torrent | undefined, key: Hex | undefined): UsePlayableFilesReturnType {
  const [found, setFound] = useState<{ torrent: Torrent; key?: Hex; playable?: PlayableFiles; error?: string }>()
  useEffect(() => {
    if (!torrent) return
    let live = true
    const playable = openPlayableFiles(torrent, { key })
    playable.files.then(
      (files) => live && setFound({ torrent, key, playable: files }),
      (e: unknown) => live && setFound({ torrent, key, error: formatError(e) }),
    )
    return () => {
      live = false
      playable.destroy()
    }
  }, [torrent, key])
  // What an earlier torrent or key found is never shown for this one.
  if (!torrent || found?.torrent !== torrent || found.key !== key) return {}
  return { ...found.playable, error: found.error }
}
