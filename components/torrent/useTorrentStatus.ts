'use client'

import { useEffect, useState } from 'react'
import type { Torrent } from '@/lib/torrent/addTorrent'
import { type TorrentStatus, getTorrentStatus } from '@/lib/torrent/getTorrentStatus'

/** How often the status is read: ~4 times a second, never per piece. */
const INTERVAL_MS = 250
/** Milestones shown at once rather than at the next tick (the player waits on `metadata`). */
const MILESTONES = ['metadata', 'ready', 'done', 'error', 'close'] as const

/** A torrent's status, refreshed about 4 times a second (and at once on milestones) while mounted. */
export function useTorrentStatus(torrent: Torrent | undefined): TorrentStatus | undefined {
  const [status, setStatus] = useState<TorrentStatus>()
  useEffect(() => {
    if (!torrent) return setStatus(undefined)
    const read = () => setStatus(getTorrentStatus(torrent))
    read()
    const timer = setInterval(read, INTERVAL_MS)
    for (const event of MILESTONES) torrent.on(event, read)
    return () => {
      clearInterval(timer)
      for (const event of MILESTONES) torrent.removeListener(event, read)
    }
  }, [torrent])
  return status
}
