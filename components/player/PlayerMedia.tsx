'use client'

import { useState } from 'react'
import { TextPreview } from './TextPreview'

/** Props of `PlayerMedia`. */
export type PlayerMediaProps = {
  /** Where the element reads the file: a `/stream/...` URL, or an object URL of the whole file. */
  src: string
  /** Where "Save to disk" leads. */
  saveHref: string
  /** Set for an object URL: the name the browser saves it under (a stream URL names it by its header). */
  saveName?: string
  name: string
  size: number
  mime: string
}

/**
 * The viewer for one file: video and audio play, images, PDFs and text show inline, anything can
 * be saved; a media error becomes a sentence, never a silent black box.
 */
export function PlayerMedia({ src, saveHref, saveName, name, size, mime }: PlayerMediaProps) {
  const [playbackError, setPlaybackError] = useState<string>()
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
        // No `download` attribute on a stream URL: Chromium's download manager would then fetch around
        // the service worker, whose Content-Disposition header makes this navigation a download instead.
        href={saveHref}
        download={saveName}
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
