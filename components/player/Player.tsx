'use client'

import { mimeType } from '@/lib/stream/mimeType'
import { streamUrl } from '@/lib/stream/streamUrl'
import { DownloadThenPlay } from './DownloadThenPlay'
import { PlayerMedia } from './PlayerMedia'
import { useStreamWorker } from './useStreamWorker'

/** Props of `Player`. */
export type PlayerProps = {
  /** Torrent infohash (the torrent must be open in this tab). */
  id: string
  /** File index inside the torrent. */
  file: number
  /** The file's (plaintext) name: picks the viewer and names the saved file. */
  name: string
  /** Size in bytes of what is served. */
  size: number
  /** MIME type when the name does not tell (an encrypted file's manifest does). */
  mime?: string
  /** Bumped when the torrent is opened again (Try again): see `streamUrl`'s `session`. */
  session?: number
}

/**
 * Shows one file of a torrent in the page, streamed through the service worker with seeking:
 * video and audio play, images, PDFs and text show inline, anything can be saved to disk
 * (streamed by the browser's download manager, never held whole in memory). Where the browser
 * will not run the worker, it says so and offers to download the file first, then play it.
 */
export function Player({ id, file, name, size, mime = mimeType(name), session }: PlayerProps) {
  const worker = useStreamWorker()
  if (worker === 'pending') return <p className="text-sm text-zinc-500">Preparing the player…</p>
  if (worker === 'unavailable') return <DownloadThenPlay id={id} file={file} name={name} size={size} mime={mime} />
  return (
    <PlayerMedia
      src={streamUrl({ id, file, name, session })}
      saveHref={streamUrl({ id, file, name, download: true, session })}
      name={name}
      size={size}
      mime={mime}
    />
  )
}
