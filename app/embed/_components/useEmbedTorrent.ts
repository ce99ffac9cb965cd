'use client'

import { useEffect, useState } from 'react'
import type { Hex } from 'viem'
import { useTorrentStatus } from '@/components/torrent/useTorrentStatus'
import { formatError } from '@/lib/formatError'
import { mimeType } from '@/lib/stream/mimeType'
import { readTorrentManifest } from '@/lib/stream/readTorrentManifest'
import { streamKeys } from '@/lib/stream/streamKeys'
import type { Torrent } from '@/lib/torrent/addTorrent'
import { openTorrent } from '@/lib/torrent/openTorrent'
import { useStableList } from '@/components/ui/useStableList'

/** The one file the embed plays: where it sits in the torrent, and its plaintext name and type. */
export type EmbedFile = { index: number; name: string; size: number; mime: string }

/** Parameters of {@link useEmbedTorrent}. */
export type UseEmbedTorrentParameters = {
  /** Magnet link or infohash. */
  torrentId: string
  /** Content key of an encrypted torrent (a bought listing, or a free file shared with its key). */
  contentKey?: Hex
  /** A listing's trackers and web seeds in effect, on top of the app's and the link's. */
  sources?: { trackers: readonly string[]; webSeeds: readonly string[] }
}

/**
 * Opens a torrent in this tab (registering its key with the stream path when it has one), reads
 * its file list (the encrypted manifest when keyed) and picks what an embedded player shows:
 * the first video, else audio, else image, else the first file.
 */
export function useEmbedTorrent({ torrentId, contentKey, sources }: UseEmbedTorrentParameters) {
  const [torrent, setTorrent] = useState<Torrent>()
  const [file, setFile] = useState<EmbedFile>()
  const [error, setError] = useState<string>()
  const status = useTorrentStatus(torrent)
  const hasMetadata = !!status?.hasMetadata
  const trackers = useStableList(sources?.trackers)
  const webSeeds = useStableList(sources?.webSeeds)

  useEffect(() => {
    setTorrent(undefined)
    setFile(undefined)
    setError(undefined)
    let live = true
    ;(async () => {
      const opened = await openTorrent({
        torrentId,
        keyHex: contentKey,
        trackers,
        webSeeds,
      })
      if (contentKey) streamKeys.set(opened.infoHash, contentKey)
      if (live) setTorrent(opened)
    })().catch((e: unknown) => live && setError(formatError(e)))
    return () => {
      live = false
    }
  }, [torrentId, contentKey, trackers, webSeeds])

  useEffect(() => {
    if (!torrent || !hasMetadata) return
    let live = true
    ;(async () => {
      const manifest = contentKey ? await readTorrentManifest(torrent, contentKey) : undefined
      const files: EmbedFile[] = manifest
        ? manifest.map((entry) => ({
            index: entry.index,
            name: entry.name,
            size: entry.size,
            mime: entry.type || mimeType(entry.name),
          }))
        : torrent.files.map((f, index) => ({ index, name: f.name, size: f.length, mime: mimeType(f.name) }))
      const picked = ['video/', 'audio/', 'image/']
        .map((kind) => files.find((f) => f.mime.startsWith(kind)))
        .find(Boolean)
      if (!live) return
      if (picked ?? files[0]) setFile(picked ?? files[0])
      else setError('This torrent has no file to show.')
    })().catch((e: unknown) => live && setError(formatError(e)))
    return () => {
      live = false
    }
  }, [torrent, hasMetadata, contentKey])

  return { torrent, status, file, error: error ?? status?.error }
}
