'use client'

import { useEffect, useState } from 'react'
import { type EmbedParams, readEmbedParams } from '@/lib/embed/readEmbedParams'
import { type PlayerBridge, startPlayerBridge } from '@/lib/embed/startPlayerBridge'
import { formatError } from '@/lib/formatError'
import { getClient } from '@/lib/torrent/getClient'
import { EmbedNotice } from './EmbedNotice'
import { ListingEmbed } from './ListingEmbed'
import { TorrentEmbed } from './TorrentEmbed'
import { useEmbedTheme } from './useEmbedTheme'

// The player always needs the engine: start loading it while React hydrates.
if (typeof window !== 'undefined') getClient().catch(() => {})

type Setup = { bridge: PlayerBridge; params?: EmbedParams; error?: string }

/**
 * The embedded player filling its frame: reads what to play from its address (see
 * lib/embed/readEmbedParams), starts the postMessage bridge to the host page, then shows the
 * listing or torrent.
 */
export function EmbedView() {
  const [setup, setSetup] = useState<Setup>()
  useEmbedTheme(setup?.params?.theme)

  useEffect(() => {
    let params: EmbedParams | undefined
    let error: string | undefined
    try {
      params = readEmbedParams({ search: window.location.search, hash: window.location.hash })
    } catch (e) {
      error = formatError(e)
    }
    const bridge = startPlayerBridge(window, { origin: params?.origin })
    bridge.ready()
    if (error) {
      bridge.setPhase('error')
      bridge.error(error)
    }
    setSetup({ bridge, params, error })
    return () => bridge.stop()
  }, [])

  let body
  if (!setup) body = <EmbedNotice>Loading the player…</EmbedNotice>
  else if (setup.error || !setup.params) body = <EmbedNotice error>{setup.error}</EmbedNotice>
  else {
    const { source, autoplay, muted, linkSources } = setup.params
    body =
      source.kind === 'listing' ? (
        <ListingEmbed
          bridge={setup.bridge}
          contentId={source.contentId}
          linkSources={linkSources}
          autoplay={autoplay}
          muted={muted}
        />
      ) : (
        <TorrentEmbed
          bridge={setup.bridge}
          torrentId={source.torrentId}
          contentKey={source.key}
          sources={linkSources}
          autoplay={autoplay}
          muted={muted}
        />
      )
  }
  return (
    <div data-testid="embed" className="fixed inset-0 overflow-hidden">
      {body}
    </div>
  )
}
