'use client'

import { useEffect } from 'react'
import type { Hex } from 'viem'
import type { PlayerBridge } from '@/lib/embed/startPlayerBridge'
import { EmbedMedia } from './EmbedMedia'
import { EmbedNotice } from './EmbedNotice'
import { type UseEmbedTorrentParameters, useEmbedTorrent } from './useEmbedTorrent'

/** Props of {@link TorrentEmbed}. */
export type TorrentEmbedProps = {
  bridge: PlayerBridge
  /** Magnet link or infohash. */
  torrentId: string
  contentKey?: Hex
  sources?: UseEmbedTorrentParameters['sources']
  autoplay: boolean
  muted: boolean
}

/** Plays a torrent's main file in the frame and tells the host how the download goes. */
export function TorrentEmbed({ bridge, torrentId, contentKey, sources, autoplay, muted }: TorrentEmbedProps) {
  const { torrent, status, file, error } = useEmbedTorrent({ torrentId, contentKey, sources })
  const downloaded = status?.downloaded ?? 0
  const total = status?.length ?? 0
  const peers = status?.numPeers ?? 0

  useEffect(() => bridge.setProgress({ downloaded, total, peers }), [bridge, downloaded, total, peers])
  useEffect(() => {
    if (!error) return
    bridge.setPhase('error')
    bridge.error(error)
  }, [bridge, error])

  if (error) return <EmbedNotice error>{error}</EmbedNotice>
  if (!torrent || !file)
    return <EmbedNotice>{!torrent ? 'Starting the torrent engine…' : (status?.stall ?? 'Finding peers…')}</EmbedNotice>
  return (
    <EmbedMedia
      key={`${torrent.infoHash}/${file.index}`}
      bridge={bridge}
      id={torrent.infoHash}
      file={file}
      autoplay={autoplay}
      muted={muted}
    />
  )
}
