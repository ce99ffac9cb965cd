'use client'

import { useEffect, useState } from 'react'
import type { Torrent } from '@/lib/torrent/addTorrent'
import { getClient } from '@/lib/torrent/getClient'

/** The running torrent of a library entry in this tab's client, once the library resumed it. */
export function useLibraryTorrent(infoHash: string): Torrent | undefined {
  const [torrent, setTorrent] = useState<Torrent>()
  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setInterval> | undefined
    getClient().then(
      (client) => {
        const look = () => {
          const found = client.torrents.find((t) => t.infoHash === infoHash && !t.destroyed)
          if (found && live) {
            setTorrent(found)
            clearInterval(timer)
          }
        }
        look()
        // TorrentBoot adds library torrents shortly after load; look again until it has.
        timer = setInterval(look, 500)
      },
      (error: unknown) => console.error('[keyswarm] torrent engine unavailable', error),
    )
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [infoHash])
  return torrent
}
