'use client'

import { useEffect } from 'react'
import { createTorrentSources } from '@/lib/stream/createTorrentSources'
import { playbackKeys } from '@/lib/stream/playbackKeys'
import { registerStreamWorker } from '@/lib/stream/registerStreamWorker'
import { startStreamResponder } from '@/lib/stream/startStreamResponder'
import { resumeLibrary } from '@/lib/torrent/resumeLibrary'
import { stopRemovedTorrents } from '@/lib/torrent/stopRemovedTorrents'

/**
 * Mounted once in the root layout: registers the streaming service worker, answers its range
 * requests from this tab's torrents, resumes the library (seeding and downloads) on any page, and
 * stops a torrent here when any tab removes it from the library.
 * Renders nothing.
 */
export function TorrentBoot() {
  useEffect(() => {
    const stopResponder = startStreamResponder(createTorrentSources(playbackKeys()))
    const stopFollowing = stopRemovedTorrents()
    registerStreamWorker().catch((error: unknown) =>
      console.error('[keyswarm] service worker registration failed', error),
    )
    resumeLibrary().catch((error: unknown) => console.error('[keyswarm] could not resume the library', error))
    return () => {
      stopResponder()
      stopFollowing()
    }
  }, [])
  return null
}
