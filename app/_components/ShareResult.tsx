'use client'

import Link from 'next/link'
import { useEffect, useState } from 'react'
import { TorrentStatusPanel } from '@/components/torrent/TorrentStatusPanel'
import { useTorrentStatus } from '@/components/torrent/useTorrentStatus'
import type { Torrent } from '@/lib/torrent/addTorrent'
import { toShareLink } from '@/lib/torrent/toShareLink'

/** What a person gets after dropping files: the share link, the magnet link, the .torrent file, and the seeding status. */
export function ShareResult({ torrent }: { torrent: Torrent }) {
  const status = useTorrentStatus(torrent)
  const shareLink = toShareLink({ infoHash: torrent.infoHash, webSeeds: torrent.urlList })
  const [torrentUrl, setTorrentUrl] = useState<string>()
  useEffect(() => {
    const url = URL.createObjectURL(
      new Blob([new Uint8Array(torrent.torrentFile)], { type: 'application/x-bittorrent' }),
    )
    setTorrentUrl(url)
    return () => URL.revokeObjectURL(url)
  }, [torrent])

  return (
    <div
      className="space-y-4 rounded-2xl border border-indigo-200 bg-indigo-50/50 p-5 dark:border-indigo-900 dark:bg-indigo-950/20"
      data-testid="share-result"
    >
      <div>
        <h2 className="font-semibold">
          Sharing <span className="break-all">{torrent.name}</span>
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Keep this tab open (or come back later) to keep seeding. Anyone with the link streams it from you.
        </p>
      </div>
      <CopyField label="Share link" value={shareLink} testId="share-link" />
      <CopyField label="Magnet link" value={torrent.magnetURI} testId="magnet-link" />
      <div className="flex flex-wrap gap-2 text-sm">
        <Link
          href={toShareLink({ site: '', infoHash: torrent.infoHash, webSeeds: torrent.urlList })}
          className="rounded-lg bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-500"
        >
          Open in the player
        </Link>
        {torrentUrl && (
          <a
            href={torrentUrl}
            download={`${torrent.name}.torrent`}
            data-testid="torrent-file-link"
            className="rounded-lg border border-zinc-300 px-3 py-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Download .torrent
          </a>
        )}
      </div>
      {status && <TorrentStatusPanel status={status} />}
    </div>
  )
}

function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 1500)
    return () => clearTimeout(timer)
  }, [copied])
  return (
    <label className="block text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">{label}</span>
      <div className="mt-1 flex gap-2">
        <input
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button
          type="button"
          onClick={() =>
            navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => {},
            )
          }
          className="rounded-lg border border-zinc-300 px-3 py-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </label>
  )
}
