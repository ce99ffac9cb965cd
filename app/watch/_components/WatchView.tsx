'use client'

import { useSearchParams } from 'next/navigation'
import { useEffect, useState } from 'react'
import type { Hex } from 'viem'
import { OpenForm } from '@/app/_components/OpenForm'
import { PaidWatch } from '@/components/paywall/PaidWatch'
import { Player } from '@/components/player/Player'
import { usePlayableFiles } from '@/components/player/usePlayableFiles'
import { TorrentStatusPanel } from '@/components/torrent/TorrentStatusPanel'
import { formatBytes } from '@/components/torrent/formatBytes'
import { useTorrentStatus } from '@/components/torrent/useTorrentStatus'
import { formatError } from '@/lib/formatError'
import type { Torrent } from '@/lib/torrent/addTorrent'
import { getClient } from '@/lib/torrent/getClient'
import { openTorrent } from '@/lib/torrent/openTorrent'
import { readKeyFromHash } from './readKeyFromHash'
import { useStableList } from '@/components/ui/useStableList'

// This page always needs the engine: start loading it (client side only) as soon as this module
// is evaluated, while React hydrates, instead of after the first effect runs.
if (typeof window !== 'undefined') getClient().catch(() => {})

/**
 * The player page's body: a paid listing (`?listing=<contentId>`, see PaidWatch), or opens the torrent named in the URL (`?id=` or `?magnet=`, with an
 * optional `#key=` for an encrypted one, `&ws=` web seeds, `&tr=` trackers and `&relay=` Nostr relays), shows its files, its status and the player.
 */
export function WatchView() {
  const params = useSearchParams()
  const input = params.get('magnet') ?? params.get('id')
  // Web seeds, extra trackers and Nostr relays of a share link (`&ws=`, `&tr=`, `&relay=`).
  const webSeeds = useStableList(params.getAll('ws'))
  const trackers = useStableList(params.getAll('tr'))
  const relays = useStableList(params.getAll('relay'))
  const [torrent, setTorrent] = useState<Torrent>()
  const [key, setKey] = useState<Hex>()
  const [error, setError] = useState<string>()
  const [selected, setSelected] = useState<number>()
  // Bumped by "Try again": a torrent stopped by an error (a full storage quota) is opened anew.
  const [attempt, setAttempt] = useState(0)
  const status = useTorrentStatus(torrent)
  // The key is lent to the stream path by usePlayableFiles, for as long as this page shows the torrent.
  const playable = usePlayableFiles(torrent, key)
  const { files = [], main, error: manifestError } = playable
  const decrypting = !!key && !!status?.hasMetadata && !playable.files && !manifestError

  useEffect(() => {
    setTorrent(undefined)
    setSelected(undefined)
    setError(undefined)
    if (!input) return
    let live = true
    performance.mark('keyswarm:open')
    ;(async () => {
      const hashKey = readKeyFromHash(window.location.hash)
      const opened = await openTorrent({
        torrentId: input,
        keyHex: hashKey,
        webSeeds,
        trackers,
        relays,
      })
      if (!live) return
      setKey(hashKey)
      setTorrent(opened)
    })().catch((e: unknown) => live && setError(formatError(e)))
    return () => {
      live = false
    }
  }, [input, webSeeds, trackers, relays, attempt])

  const listing = params.get('listing')
  if (listing && /^\d+$/.test(listing)) return <PaidWatch contentId={BigInt(listing)} linkSources={{ trackers, relays }} />
  if (!input) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Open a torrent</h1>
        <OpenForm />
      </div>
    )
  }
  if (error) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight">This link cannot be opened</h1>
        <p
          role="alert"
          data-testid="watch-error"
          className="rounded-lg bg-red-50 px-4 py-3 text-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {error}
        </p>
        <OpenForm />
      </div>
    )
  }
  if (!torrent || !status) return <p className="text-sm text-zinc-500">Starting the torrent engine…</p>

  const current = selected ?? main?.index
  const file = files.find((f) => f.index === current)
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold tracking-tight break-all" data-testid="torrent-name">
        {status.hasMetadata ? torrent.name : 'Looking for the file list…'}
      </h1>
      {manifestError && (
        <p
          role="alert"
          data-testid="decrypt-error"
          className="rounded-lg bg-red-50 px-4 py-3 text-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {manifestError}
        </p>
      )}
      {decrypting && <p className="text-sm text-zinc-500">Unlocking the file list…</p>}
      {file && (
        <Player
          key={`${torrent.infoHash}/${file.index}/${attempt}`}
          id={torrent.infoHash}
          session={attempt}
          file={file.index}
          name={file.path}
          size={file.size}
          mime={file.mime}
        />
      )}
      <TorrentStatusPanel status={status} onRetry={() => setAttempt((n) => n + 1)} />
      {files.length > 1 && (
        <ul
          aria-label="Files"
          className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
        >
          {files.map((f) => (
            <li key={f.index}>
              <button
                type="button"
                onClick={() => setSelected(f.index)}
                aria-current={f.index === current}
                className={`flex w-full justify-between gap-4 px-4 py-2 text-left text-sm ${f.index === current ? 'bg-indigo-50 dark:bg-indigo-950/30' : 'hover:bg-zinc-100 dark:hover:bg-zinc-900'}`}
              >
                <span className="break-all">{f.path}</span>
                <span className="shrink-0 text-zinc-500">
                  {formatBytes(f.size)} · {Math.floor(f.progress() * 100)}%
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
