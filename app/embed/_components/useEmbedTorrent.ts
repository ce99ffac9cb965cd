'use client'

import { useEffect, useState } from 'react'
import type { Hex } from 'viem'
import { usePlayableFiles } from '@/components/player/usePlayableFiles'
import { useTorrentStatus } from '@/components/torrent/useTorrentStatus'
import { formatError } from '@/lib/formatError'
import type { PlayableFile } from '@/lib/stream/openPlayableFiles'
import type { Torrent } from '@/lib/torrent/addTorrent'
import { openTorrent } from '@/lib/torrent/openTorrent'
import { useStableList } from '@/components/ui/useStableList'

/** The one file the embed plays: where it sits in the torrent, and its plaintext name and type. */
export type EmbedFile = PlayableFile

/** Parameters of {@link useEmbedTorrent}. */
export type UseEmbedTorrentParameters = {
  /** Magnet link or infohash. */
  torrentId: string
  /** Content key of an encrypted torrent (a bought listing, or a free file shared with its key). */
  contentKey?: Hex
  /** Trackers, Nostr relays and web seeds (a listing's in effect, the link's), on top of the app's. */
  sources?: { trackers?: readonly string[]; relays?: readonly string[]; webSeeds?: readonly string[] }
}

/**
 * Opens a torrent in this tab and gives the file an embedded player shows: its main file, by the
 * app's one rule (see `openPlayableFiles`), with the key lent to the stream path while it plays.
 */
export function useEmbedTorrent({ torrentId, contentKey, sources }: UseEmbedTorrentParameters) {
  const [torrent, setTorrent] = useState<Torrent>()
  const [error, setError] = useState<string>()
  const status = useTorrentStatus(torrent)
  const playable = usePlayableFiles(torrent, contentKey)
  const trackers = useStableList(sources?.trackers)
  const webSeeds = useStableList(sources?.webSeeds)
  const relays = useStableList(sources?.relays)

  useEffect(() => {
    setTorrent(undefined)
    setError(undefined)
    let live = true
    openTorrent({ torrentId, keyHex: contentKey, trackers, relays, webSeeds }).then(
      (opened) => live && setTorrent(opened),
      (e: unknown) => live && setError(formatError(e)),
    )
    return () => {
      live = false
    }
  }, [torrentId, contentKey, trackers, relays, webSeeds])

  const empty = playable.files && !playable.main ? 'This torrent has no file to show.' : undefined
  return { torrent, status, file: playable.main, error: error ?? playable.error ?? empty ?? status?.error }
}
