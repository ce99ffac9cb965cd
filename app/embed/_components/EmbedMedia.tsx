'use client'

import { useCallback, useEffect, useState } from 'react'
import { useStreamWorker } from '@/components/player/useStreamWorker'
import type { PlayerBridge } from '@/lib/embed/startPlayerBridge'
import { sitePath } from '@/lib/sitePath'
import { streamUrl } from '@/lib/stream/streamUrl'
import { EmbedNotice } from './EmbedNotice'
import type { EmbedFile } from './useEmbedTorrent'

/** Props of {@link EmbedMedia}. */
export type EmbedMediaProps = {
  bridge: PlayerBridge
  /** Infohash of the open torrent. */
  id: string
  file: EmbedFile
  autoplay: boolean
  muted: boolean
}

/**
 * The embed's media element, filling the frame, streamed through the service worker like the
 * site's own Player (which this does not reuse: the embed needs the element itself for the host's
 * commands, and no "save" link or page layout around it). Video and audio are handed to the bridge.
 */
export function EmbedMedia({ bridge, id, file, autoplay, muted }: EmbedMediaProps) {
  const worker = useStreamWorker()
  const [playbackError, setPlaybackError] = useState<string>()
  const attach = useCallback((element: HTMLMediaElement | null) => bridge.attach(element ?? undefined), [bridge])

  useEffect(() => {
    if (worker === 'unavailable')
      bridge.error('This browser blocked the service worker the player streams through (private mode, or not https).')
  }, [worker, bridge])
  useEffect(() => {
    if (playbackError) bridge.error(playbackError)
  }, [playbackError, bridge])
  useEffect(() => bridge.setPhase('playable'), [bridge])

  if (worker === 'pending') return <EmbedNotice>Preparing the player…</EmbedNotice>
  if (worker === 'unavailable')
    return (
      <EmbedNotice error>
        This browser blocked the service worker the player streams through (private mode, or the page is not on https).
      </EmbedNotice>
    )
  const src = streamUrl({ id, file: file.index, name: file.name })
  const kind = file.mime.split('/')[0]
  const onError = (event: { currentTarget: HTMLMediaElement }) =>
    setPlaybackError(mediaErrorMessage(event.currentTarget.error))
  return (
    <div className="relative h-full w-full bg-black" data-testid="embed-player">
      {kind === 'video' && (
        <video
          ref={attach}
          data-testid="player-video"
          src={src}
          controls
          playsInline
          autoPlay={autoplay}
          muted={muted}
          onError={onError}
          className="h-full w-full object-contain"
        />
      )}
      {kind === 'audio' && (
        <div className="grid h-full place-items-center p-3">
          <audio
            ref={attach}
            data-testid="player-audio"
            src={src}
            controls
            autoPlay={autoplay}
            muted={muted}
            onError={onError}
            className="w-full"
          />
        </div>
      )}
      {kind === 'image' && (
        // eslint-disable-next-line @next/next/no-img-element -- a torrent file streamed by the service worker, not a static asset
        <img data-testid="player-image" src={src} alt={file.name} className="h-full w-full object-contain" />
      )}
      {kind !== 'video' && kind !== 'audio' && kind !== 'image' && (
        <EmbedNotice>
          “{file.name}” is not a video.{' '}
          <a href={sitePath(`/watch/?id=${id}`)} target="_blank" rel="noopener" className="underline">
            Open it on Keyswarm
          </a>
          .
        </EmbedNotice>
      )}
      {playbackError && (
        <p
          role="alert"
          data-testid="embed-error"
          className="absolute inset-x-0 top-0 bg-red-700/90 px-3 py-1.5 text-xs text-white"
        >
          {playbackError}
        </p>
      )}
    </div>
  )
}

function mediaErrorMessage(error: MediaError | null): string {
  if (!error) return 'The file could not be played.'
  if (error.code === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED) return 'This browser cannot play this file’s format.'
  if (error.code === MediaError.MEDIA_ERR_DECODE)
    return 'The file is damaged or in a format this browser cannot decode.'
  return `Playback stopped: ${error.message || 'the stream failed'}.`
}
