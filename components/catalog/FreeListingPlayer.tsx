'use client'

import { Player } from '@/components/player/Player'
import { TorrentStatusPanel } from '@/components/torrent/TorrentStatusPanel'
import { useTorrentStatus } from '@/components/torrent/useTorrentStatus'
import { findCoverFile } from '@/lib/publish/findCoverFile'
import { mimeType } from '@/lib/stream/mimeType'
import type { Torrent } from '@/lib/torrent/addTorrent'

/** Props of {@link FreeListingPlayer}. */
export type FreeListingPlayerProps = { torrent: Torrent | undefined }

const preference = ['video/', 'audio/', 'image/', 'application/pdf', 'text/']

/**
 * Plays a free listing's torrent with the normal player (as /watch?id= does): its first video,
 * else audio, else anything viewable, else the first file — never the cover unless it is all.
 */
export function FreeListingPlayer({ torrent }: FreeListingPlayerProps) {
  const status = useTorrentStatus(torrent)
  if (!torrent || !status) return <p className="text-sm text-zinc-500">Starting the torrent engine…</p>
  if (!status.hasMetadata) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-zinc-500">Finding peers and the file list…</p>
        <TorrentStatusPanel status={status} />
      </div>
    )
  }
  const cover = findCoverFile(torrent.files)
  const files = torrent.files.map((file, index) => ({ file, index })).filter(({ index }) => index !== cover)
  const candidates = files.length ? files : torrent.files.map((file, index) => ({ file, index }))
  const chosen =
    preference.map((prefix) => candidates.find(({ file }) => mimeType(file.name).startsWith(prefix))).find(Boolean) ??
    candidates[0]
  return (
    <div className="space-y-4" data-testid="free-player">
      {chosen && (
        <Player
          key={`${torrent.infoHash}/${chosen.index}`}
          id={torrent.infoHash}
          file={chosen.index}
          name={chosen.file.name}
          size={chosen.file.length}
        />
      )}
      <TorrentStatusPanel status={status} />
    </div>
  )
}
