'use client'

import { useEffect, useState } from 'react'
import type { Hex } from 'viem'
import { formatError } from '@/lib/formatError'
import { type PlaintextFile, readTorrentManifest } from '@/lib/stream/readTorrentManifest'
import type { Torrent } from '@/lib/torrent/addTorrent'

/** A file as the viewer shows it: plaintext name and size, and where it sits in the torrent. */
export type ViewFile = { index: number; name: string; size: number; type?: string; progress: () => number }

/**
 * The files to show for a torrent: the torrent's own, or, for an encrypted torrent opened with
 * its key, the names and sizes its encrypted manifest gives.
 */
export function usePlaintextFiles(torrent: Torrent | undefined, hasMetadata: boolean, key: Hex | undefined) {
  const [manifest, setManifest] = useState<PlaintextFile[] | undefined | null>(null)
  const [error, setError] = useState<string>()
  useEffect(() => {
    setManifest(null)
    setError(undefined)
    if (!torrent || !hasMetadata || !key) return
    let live = true
    readTorrentManifest(torrent, key).then(
      (files) => live && setManifest(files),
      (e: unknown) => live && setError(formatError(e)),
    )
    return () => {
      live = false
    }
  }, [torrent, hasMetadata, key])

  if (!torrent || !hasMetadata) return { files: [] as ViewFile[], error }
  if (key && manifest === null) return { files: [] as ViewFile[], error, decrypting: !error }
  const files: ViewFile[] = manifest
    ? manifest.map((entry) => ({
        index: entry.index,
        name: entry.name,
        size: entry.size,
        type: entry.type || undefined,
        progress: () => torrent.files[entry.index]?.progress ?? 0,
      }))
    : torrent.files.map((file, index) => ({ index, name: file.path, size: file.length, progress: () => file.progress }))
  return { files, error }
}
