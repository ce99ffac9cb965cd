'use client'

import { useEffect, useState } from 'react'
import { createTorrentSources } from '@/lib/stream/createTorrentSources'
import { playbackKeys } from '@/lib/stream/playbackKeys'
import { readWholeFile } from '@/lib/stream/readWholeFile'
import { PlayerMedia } from './PlayerMedia'

/** Props of `DownloadThenPlay`. */
export type DownloadThenPlayProps = { id: string; file: number; name: string; size: number; mime: string }

type State =
  | { phase: 'idle' }
  | { phase: 'reading'; read: number; size: number }
  | { phase: 'ready'; url: string }
  | { phase: 'failed'; message: string }

/**
 * The player of a browser that will not run the streaming service worker (Firefox in a private
 * window, a page not on https): it says so, and on request reads the whole file from the torrent
 * into memory, then plays it from there (seeking works once it is all here).
 */
export function DownloadThenPlay({ id, file, name, size, mime }: DownloadThenPlayProps) {
  const [state, setState] = useState<State>({ phase: 'idle' })
  const [started, setStarted] = useState(false)

  useEffect(() => {
    if (!started) return
    const controller = new AbortController()
    let url: string | undefined
    readWholeFile(createTorrentSources(playbackKeys()), {
      id,
      file,
      signal: controller.signal,
      onProgress: (read, total) => setState({ phase: 'reading', read, size: total }),
    }).then(
      (blob) => {
        url = URL.createObjectURL(blob)
        setState({ phase: 'ready', url })
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        console.error('[keyswarm] download-then-play failed', error)
        setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) })
      },
    )
    return () => {
      controller.abort()
      if (url) URL.revokeObjectURL(url)
    }
  }, [started, id, file])

  return (
    <div className="space-y-3" data-testid="player-fallback" data-phase={state.phase}>
      <p role="status" className="text-sm text-amber-700 dark:text-amber-400">
        This browser will not run the service worker Keyswarm streams through (a private window, or the page is not on
        https), so it cannot play while downloading: download the whole file, then it plays here.
      </p>
      {state.phase === 'idle' && (
        <button
          type="button"
          onClick={() => setStarted(true)}
          className="rounded-lg bg-zinc-900 px-3 py-1.5 text-sm text-white dark:bg-zinc-100 dark:text-zinc-900"
        >
          Download, then play
        </button>
      )}
      {state.phase === 'reading' && (
        <p className="text-sm text-zinc-500" data-testid="fallback-progress">
          Downloading… {Math.floor((state.read / Math.max(state.size, 1)) * 100)}%
        </p>
      )}
      {state.phase === 'failed' && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          The download stopped: {state.message}
        </p>
      )}
      {state.phase === 'ready' && (
        <PlayerMedia src={state.url} saveHref={state.url} saveName={name} name={name} size={size} mime={mime} />
      )}
    </div>
  )
}
