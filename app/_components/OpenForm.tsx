'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'
import { formatError } from '@/lib/formatError'
import { openTorrent } from '@/lib/torrent/openTorrent'
import { parseTorrentId } from '@/lib/torrent/parseTorrentId'
import { toShareLink } from '@/lib/torrent/toShareLink'

/** Paste a magnet link, an infohash or a share link, or pick a .torrent file, to open it in the player. */
export function OpenForm() {
  const router = useRouter()
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    try {
      const { torrentId, infoHash, webSeeds } = parseTorrentId(text)
      router.push(
        torrentId === infoHash
          ? toShareLink({ site: '', infoHash, webSeeds })
          : `/watch/?magnet=${encodeURIComponent(torrentId)}`,
      )
    } catch (e) {
      setError(formatError(e))
    }
  }

  const onTorrentFile = async (file: File | undefined) => {
    if (!file) return
    setError(undefined)
    setBusy(true)
    try {
      const torrent = await openTorrent({ torrentId: new Uint8Array(await file.arrayBuffer()), fileName: file.name })
      router.push(`/watch/?id=${torrent.infoHash}`)
    } catch (e) {
      setError(formatError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label="Open a torrent">
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Paste a magnet link, infohash or share link"
          aria-label="Magnet link, infohash or share link"
          className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button
          type="submit"
          className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
          disabled={!text.trim()}
        >
          Open
        </button>
        <label className="cursor-pointer rounded-lg border border-zinc-300 px-4 py-2 text-center text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          {busy ? 'Opening…' : '.torrent file…'}
          <input
            type="file"
            accept=".torrent,application/x-bittorrent"
            className="sr-only"
            data-testid="torrent-file-input"
            onChange={(event) => {
              void onTorrentFile(event.target.files?.[0])
              event.target.value = ''
            }}
          />
        </label>
      </div>
      {error && (
        <p role="alert" data-testid="open-error" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  )
}
