'use client'

import { useEffect, useRef, useState } from 'react'
import type { Hex } from 'viem'
import { Player } from '@/components/player/Player'
import { usePlayableFiles } from '@/components/player/usePlayableFiles'
import { TorrentStatusPanel } from '@/components/torrent/TorrentStatusPanel'
import { useTorrentStatus } from '@/components/torrent/useTorrentStatus'
import { formatError } from '@/lib/formatError'
import type { Torrent } from '@/lib/torrent/addTorrent'
import { openTorrent } from '@/lib/torrent/openTorrent'
import { useStableList } from '@/components/ui/useStableList'

/** Props of {@link PaidPlayer}. */
export type PaidPlayerProps = {
  infoHash: string
  contentKey: Hex
  /** The listing's HTTP web seeds (BEP 19): they keep it playable when no browser seeds. */
  webSeeds?: readonly string[]
  /** The listing's and the link's WebSocket trackers, on top of the app's. */
  trackers?: readonly string[]
  /** The listing's and the link's Nostr relays, on top of the app's. */
  relays?: readonly string[]
  /** Called with the torrent once open, to check its infohash against the listing. */
  onTorrent?: (torrent: Torrent) => void
  /** Called when the first video frame (or any media) is ready to show. */
  onFirstFrame?: () => void
}

/**
 * Plays a bought listing: opens its torrent with the content key and plays its main file (see
 * `openPlayableFiles`) through the decrypting stream path.
 */
export function PaidPlayer({ infoHash, contentKey, webSeeds, trackers, relays, onTorrent, onFirstFrame }: PaidPlayerProps) {
  const [torrent, setTorrent] = useState<Torrent>()
  const [openError, setOpenError] = useState<string>()
  const status = useTorrentStatus(torrent)
  const { main: file, error: filesError } = usePlayableFiles(torrent, contentKey)
  const error = openError ?? filesError
  const box = useRef<HTMLDivElement>(null)
  const reported = useRef(false)
  const seeds = useStableList(webSeeds)
  const trackerList = useStableList(trackers)
  const relayList = useStableList(relays)
  const onTorrentRef = useRef(onTorrent)
  useEffect(() => {
    onTorrentRef.current = onTorrent
  }, [onTorrent])

  useEffect(() => {
    let live = true
    openTorrent({ torrentId: infoHash, keyHex: contentKey, webSeeds: seeds, trackers: trackerList, relays: relayList }).then(
      (opened) => {
        if (!live) return
        setTorrent(opened)
        onTorrentRef.current?.(opened)
      },
      (e: unknown) => live && setOpenError(formatError(e)),
    )
    return () => {
      live = false
    }
  }, [infoHash, contentKey, seeds, trackerList, relayList])

  useEffect(() => {
    const element = box.current
    if (!element || !onFirstFrame) return
    // Media events do not bubble, but a capturing listener on an ancestor still sees them.
    const listener = () => {
      if (reported.current) return
      reported.current = true
      onFirstFrame()
    }
    element.addEventListener('loadeddata', listener, true)
    return () => element.removeEventListener('loadeddata', listener, true)
  }, [onFirstFrame])

  return (
    <div ref={box} className="space-y-4" data-testid="paid-player">
      {error && (
        <p
          role="alert"
          data-testid="decrypt-error"
          className="rounded-lg bg-red-50 px-4 py-3 text-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {error}
        </p>
      )}
      {!file && !error && <p className="text-sm text-zinc-500">Finding peers and unlocking the file list…</p>}
      {torrent && file && (
        <Player
          key={`${infoHash}/${file.index}`}
          id={torrent.infoHash}
          file={file.index}
          name={file.name}
          size={file.size}
          mime={file.mime}
        />
      )}
      {status && <TorrentStatusPanel status={status} />}
    </div>
  )
}
