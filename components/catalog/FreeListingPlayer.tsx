'use client'

import { Player } from '@/components/player/Player'
import { usePlayableFiles } from '@/components/player/usePlayableFiles'
import { TorrentStatusPanel } from '@/components/torrent/TorrentStatusPanel'
import { useTorrentStatus } from '@/components/torrent/useTorrentStatus'
import type { Torrent } from '@/lib/torrent/addTorrent'

/** Props of {@link FreeListingPlayer}. */
export type FreeListingPlayerProps = { torrent: Torrent | undefined }

/**
 * Plays a free listing's torrent with the normal player (as /watch?id= does): its main file (see
 * `openPlayableFiles`), never the cover unless it is all.
 */
export function FreeListingPlayer({ torrent }: FreeListingPlayerProps) {
  const status = useTorrentStatus(torrent)
  const { main: chosen, error } = usePlayableFiles(torrent, undefined)
  if (!torrent || !status) return <p className="text-sm text-zinc-500">Starting the torrent engine…</p>
  if (!status.hasMetadata) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-zinc-500">Finding peers and the file list…</p>
        <TorrentStatusPanel status={status} />
      </div>
    )
  }
  return (
    <div className="space-y-4" data-testid="free-player">
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {chosen && (
        <Player
          key={`${torrent.infoHash}/${chosen.index}`}
          id={torrent.infoHash}
          file={chosen.index}
          name={chosen.name}
          size={chosen.size}
        />
      )}
      <TorrentStatusPanel status={status} />
    </div>
  )
}
