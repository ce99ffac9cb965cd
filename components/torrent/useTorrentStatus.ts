'use client'

import { useEffect, useState } from 'react'
import type { Torrent } from '@/lib/torrent/addTorrent'
import { type TorrentStatus, getTorrentStatus } from '@/lib/torrent/getTorrentStatus'

/** How often the status is read: ~4 times a second, never per piece. */
const INTERVAL_MS = 250

/** A torrent's status, refreshed about 4 times a second while the component is mounted. */
export function useTorrentStatus(torrent: Torrent | undefined): TorrentStatus | undefined {
  const [status, setStatus] = useState<TorrentStatus>()
  useEffect(() => {
    if (!torrent) return setStatus(undefined)
    const read = () => setStatus(getTorrentStatus(torrent))
    read()
    const timer = setInterval(read, INTERVAL_MS)
    return () => clearInterval(timer)
  }, [torrent])
  return status
}
