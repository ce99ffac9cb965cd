'use client'

import { useSearchParams } from 'next/navigation'
import { useEffect, useState } from 'react'
import { OpenForm } from '@/app/_components/OpenForm'
import { Player } from '@/components/player/Player'
import { TorrentStatusPanel } from '@/components/torrent/TorrentStatusPanel'
import { formatBytes } from '@/components/torrent/formatBytes'
import { useTorrentStatus } from '@/components/torrent/useTorrentStatus'
import { formatError } from '@/lib/formatError'
import { streamKeys } from '@/lib/stream/streamKeys'
import type { Torrent } from '@/lib/torrent/addTorrent'
import { openTorrent } from '@/lib/torrent/openTorrent'
import { pickFile } from './pickFile'
import { readKeyFromHash } from './readKeyFromHash'

/** The player page's body: opens the torrent named in the URL, shows its files, status and player. */
export function WatchView() {
  const params = useSearchParams()
  const input = params.get('magnet') ?? params.get('id')
  const [torrent, setTorrent] = useState<Torrent>()
  const [error, setError] = useState<string>()
  const [selected, setSelected] = useState<number>()
  const status = useTorrentStatus(torrent)

  useEffect(() => {
    setTorrent(undefined)
    setSelected(undefined)
    setError(undefined)
    if (!input) return
    let live = true
    ;(async () => {
      const key = readKeyFromHash(window.location.hash)
      const hex = key && Array.from(key, (b) => b.toString(16).padStart(2, '0')).join('')
      const opened = await openTorrent({ torrentId: input, keyHex: hex })
      if (key) streamKeys.set(opened.infoHash, key)
      if (live) setTorrent(opened)
    })().catch((e: unknown) => live && setError(formatError(e)))
    return () => {
      live = false
    }
  }, [input])

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
        <p role="alert" data-testid="watch-error" className="rounded-lg bg-red-50 px-4 py-3 text-red-800 dark:bg-red-950/40 dark:text-red-200">
          {error}
        </p>
        <OpenForm />
      </div>
    )
  }
  if (!torrent || !status) return <p className="text-sm text-zinc-500">Starting the torrent engine…</p>

  const files = status.hasMetadata ? torrent.files : []
  const current = selected ?? (files.length ? pickFile(files) : undefined)
  const file = current === undefined ? undefined : files[current]
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold tracking-tight break-all" data-testid="torrent-name">
        {status.hasMetadata ? torrent.name : 'Looking for the file list…'}
      </h1>
      {file && current !== undefined && (
        <Player key={`${torrent.infoHash}/${current}`} id={torrent.infoHash} file={current} name={file.name} size={file.length} />
      )}
      <TorrentStatusPanel status={status} />
      {files.length > 1 && (
        <ul aria-label="Files" className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {files.map((f, index) => (
            <li key={f.path}>
              <button
                type="button"
                onClick={() => setSelected(index)}
                aria-current={index === current}
                className={`flex w-full justify-between gap-4 px-4 py-2 text-left text-sm ${index === current ? 'bg-indigo-50 dark:bg-indigo-950/30' : 'hover:bg-zinc-100 dark:hover:bg-zinc-900'}`}
              >
                <span className="break-all">{f.path}</span>
                <span className="shrink-0 text-zinc-500">
                  {formatBytes(f.length)} · {Math.floor(f.progress * 100)}%
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
