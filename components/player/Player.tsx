'use client'

import { useState } from 'react'
import { mimeType } from '@/lib/stream/mimeType'
import { streamUrl } from '@/lib/stream/streamUrl'
import { TextPreview } from './TextPreview'
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
 * (streamed by the browser's download manager, never held whole in memory).
 */
export function Player({ id, file, name, size, mime = mimeType(name), session }: PlayerProps) {
  const worker = useStreamWorker()
  const [playbackError, setPlaybackError] = useState<string>()
  if (worker === 'pending') return <p className="text-sm text-zinc-500">Preparing the player…</p>
  if (worker === 'unavailable') {
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        This browser blocked the service worker Keyswarm streams through (private mode, or the page is not on https).
      </p>
    )
  }
  const src = streamUrl({ id, file, name, session })
  const kind = mime.split('/')[0]
  return (
    <div className="space-y-3" data-testid="player">
      {kind === 'video' && (
        <video
          data-testid="player-video"
          src={src}
          controls
          autoPlay
          playsInline
          onError={(event) => setPlaybackError(mediaErrorMessage(event.currentTarget.error))}
          className="aspect-video w-full rounded-xl bg-black"
        />
      )}
      {kind === 'audio' && (
        <audio
          data-testid="player-audio"
          src={src}
          controls
          autoPlay
          onError={(event) => setPlaybackError(mediaErrorMessage(event.currentTarget.error))}
          className="w-full"
        />
      )}
      {kind === 'image' && (
        // eslint-disable-next-line @next/next/no-img-element -- a torrent file streamed by the service worker, not a static asset
        <img data-testid="player-image" src={src} alt={name} className="max-h-[70vh] rounded-xl object-contain" />
      )}
      {mime === 'application/pdf' && (
        <iframe
          data-testid="player-pdf"
          src={src}
          title={name}
          className="h-[75vh] w-full rounded-xl border border-zinc-200 dark:border-zinc-800"
        />
      )}
      {(kind === 'text' || mime === 'application/json') && <TextPreview src={src} size={size} />}
      {playbackError && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {playbackError}
        </p>
      )}
      <a
        // No `download` attribute: Chromium's download manager would then fetch around the service
        // worker. The worker's Content-Disposition header makes this navigation a download instead.
        href={streamUrl({ id, file, name, download: true, session })}
        data-testid="save-file"
        className="inline-flex items-center rounded-lg border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Save to disk
      </a>
    </div>
  )
}

function mediaErrorMessage(error: MediaError | null): string {
  if (!error) return 'The file could not be played.'
  if (error.code === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED) {
    return 'This browser cannot play this file format. Save it and open it with a player app.'
  }
  if (error.code === MediaError.MEDIA_ERR_DECODE)
    return 'The file is damaged or in a format this browser cannot decode.'
  return `Playback stopped: ${error.message || 'the stream failed'}.`
}
