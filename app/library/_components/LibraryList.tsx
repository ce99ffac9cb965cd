'use client'

import Link from 'next/link'
import { useState } from 'react'
import { TorrentStatusPanel } from '@/components/torrent/TorrentStatusPanel'
import { formatBytes } from '@/components/torrent/formatBytes'
import { useTorrentStatus } from '@/components/torrent/useTorrentStatus'
import { formatError } from '@/lib/formatError'
import type { LibraryEntry } from '@/lib/library/listLibrary'
import { removeTorrent } from '@/lib/torrent/removeTorrent'
import { useLibrary } from './useLibrary'
import { useLibraryTorrent } from './useLibraryTorrent'

/** What /library knows of a paid torrent from the chain: its listing, so it shows a title, not its opaque name. */
export type PaidTorrent = { contentId: bigint; title: string }

/**
 * Every torrent of the library with its live status and a one-click remove. Paid torrents (by
 * infohash in `paid`) show their listing's title and link to the listing, whose page decrypts them.
 */
export function LibraryList({ paid }: { paid?: ReadonlyMap<string, PaidTorrent> }) {
  const { entries, error } = useLibrary()
  if (error)
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        {formatError(error)}
      </p>
    )
  if (!entries) return <p className="text-sm text-zinc-500">Loading…</p>
  if (entries.length === 0) {
    return (
      <p className="text-sm text-zinc-500">
        Nothing yet.{' '}
        <Link href="/" className="text-indigo-600 hover:underline dark:text-indigo-400">
          Share a file
        </Link>{' '}
        or open a link to start.
      </p>
    )
  }
  return (
    <ul className="space-y-4" data-testid="library">
      {entries.map((entry) => (
        <LibraryItem key={entry.infoHash} entry={entry} listing={paid?.get(entry.infoHash)} />
      ))}
    </ul>
  )
}

function LibraryItem({ entry, listing }: { entry: LibraryEntry; listing?: PaidTorrent }) {
  const torrent = useLibraryTorrent(entry.infoHash)
  const status = useTorrentStatus(torrent)
  const [removing, setRemoving] = useState(false)
  const [error, setError] = useState<string>()
  const remove = async () => {
    setRemoving(true)
    setError(undefined)
    try {
      await removeTorrent(entry.infoHash)
    } catch (e) {
      setError(formatError(e))
      setRemoving(false)
    }
  }
  return (
    <li
      className="space-y-3 rounded-2xl border border-zinc-200 p-4 dark:border-zinc-800"
      data-testid="library-item"
      data-infohash={entry.infoHash}
    >
      <div className="flex flex-wrap items-center gap-3">
        <Link
          href={listing ? `/watch/?listing=${listing.contentId}` : `/watch/?id=${entry.infoHash}`}
          className="min-w-0 flex-1 font-medium break-all hover:text-indigo-600 dark:hover:text-indigo-400"
          data-testid="library-item-title"
        >
          {listing ? (
            <>
              {listing.title || `Listing #${listing.contentId}`}{' '}
              <span className="text-xs font-normal text-zinc-500">encrypted · {entry.name}</span>
            </>
          ) : (
            entry.name
          )}
        </Link>
        <span className="text-xs text-zinc-500">
          {entry.origin === 'seeded' ? 'Shared by you' : 'Downloaded'} ·{' '}
          {entry.length ? formatBytes(entry.length) : 'size unknown'}
        </span>
        <button
          type="button"
          onClick={() => void remove()}
          disabled={removing}
          className="rounded-lg border border-zinc-300 px-3 py-1 text-sm hover:border-red-400 hover:text-red-600 disabled:opacity-50 dark:border-zinc-700"
        >
          {removing ? 'Removing…' : 'Remove'}
        </button>
      </div>
      {status ? <TorrentStatusPanel status={status} /> : <p className="text-sm text-zinc-500">Resuming…</p>}
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </li>
  )
}
