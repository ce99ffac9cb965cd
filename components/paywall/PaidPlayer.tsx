'use client'

import { useEffect, useRef, useState } from 'react'
import type { Hex } from 'viem'
import { Player } from '@/components/player/Player'
import { TorrentStatusPanel } from '@/components/torrent/TorrentStatusPanel'
import { useTorrentStatus } from '@/components/torrent/useTorrentStatus'
import { formatError } from '@/lib/formatError'
import { type PlaintextFile, readTorrentManifest } from '@/lib/stream/readTorrentManifest'
import { streamKeys } from '@/lib/stream/streamKeys'
import type { Torrent } from '@/lib/torrent/addTorrent'
import { openTorrent } from '@/lib/torrent/openTorrent'
import { useStableList } from '@/components/ui/useStableList'

/** Props of {@link PaidPlayer}. */
export type PaidPlayerProps = {
  infoHash: string
  contentKey: Hex
  /** The listing's HTTP web seeds (BEP 19): they keep it playable when no browser seeds. */
  webSeeds?: readonly string[]
  /** Called with the torrent once open, to check its infohash against the listing. */
  onTorrent?: (torrent: Torrent) => void
  /** Called when the first video frame (or any media) is ready to show. */
  onFirstFrame?: () => void
}

/**
 * Plays a bought listing: opens its torrent with the content key, reads the encrypted manifest,
 * and plays its first video (else its first file) through the decrypting stream path.
 */
export function PaidPlayer({ infoHash, contentKey, webSeeds, onTorrent, onFirstFrame }: PaidPlayerProps) {
  const [torrent, setTorrent] = useState<Torrent>()
  const [files, setFiles] = useState<PlaintextFile[]>()
  const [error, setError] = useState<string>()
  const status = useTorrentStatus(torrent)
  const box = useRef<HTMLDivElement>(null)
  const reported = useRef(false)
  const hasMetadata = !!status?.hasMetadata
  const seeds = useStableList(webSeeds)
  const onTorrentRef = useRef(onTorrent)
  onTorrentRef.current = onTorrent

  useEffect(() => {
    let live = true
    streamKeys.set(infoHash, contentKey)
    openTorrent({ torrentId: infoHash, keyHex: contentKey, webSeeds: seeds }).then(
      (opened) => {
        if (!live) return
        setTorrent(opened)
        onTorrentRef.current?.(opened)
      },
      (e: unknown) => live && setError(formatError(e)),
    )
    return () => {
      live = false
    }
  }, [infoHash, contentKey, seeds])

  useEffect(() => {
    if (!torrent || !hasMetadata) return
    let live = true
    readTorrentManifest(torrent, contentKey).then(
      (read) => live && setFiles(read ?? []),
      (e: unknown) => live && setError(formatError(e)),
    )
    return () => {
      live = false
    }
  }, [torrent, hasMetadata, contentKey])

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

  const file = files?.find((f) => f.type.startsWith('video/')) ?? files?.[0]
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
          mime={file.type || undefined}
        />
      )}
      {status && <TorrentStatusPanel status={status} />}
    </div>
  )
}
