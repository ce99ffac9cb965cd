'use client'

import { useRouter } from 'next/navigation'
import { type DragEvent, useRef, useState } from 'react'
import { formatError } from '@/lib/formatError'
import type { Torrent } from '@/lib/torrent/addTorrent'
import { openTorrent } from '@/lib/torrent/openTorrent'
import { shareFiles } from '@/lib/torrent/shareFiles'
import { OpenForm } from './OpenForm'
import { ShareResult } from './ShareResult'

/**
 * The home page's drop zone: drop (or pick) files to seed them from this tab and get a share
 * link; drop a .torrent file to open it in the player; or paste a magnet link.
 */
export function DropZone() {
  const router = useRouter()
  const picker = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<string>()
  const [shared, setShared] = useState<Torrent>()

  const take = async (list: FileList | null | undefined) => {
    const files = [...(list ?? [])]
    if (files.length === 0) return
    setError(undefined)
    try {
      if (files.every((file) => /\.torrent$/i.test(file.name))) {
        setBusy('Opening the torrent…')
        const first = files[0]!
        const torrent = await openTorrent({ torrentId: new Uint8Array(await first.arrayBuffer()), fileName: first.name })
        router.push(`/watch/?id=${torrent.infoHash}`)
        return
      }
      setBusy(files.length === 1 ? `Preparing ${files[0]!.name}…` : `Preparing ${files.length} files…`)
      setShared(await shareFiles({ files }))
    } catch (e) {
      setError(formatError(e))
    } finally {
      setBusy(undefined)
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    void take(event.dataTransfer.files)
  }

  return (
    <div className="space-y-6">
      <div
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center justify-center gap-3 rounded-2xl border-2 border-dashed px-6 py-12 text-center transition-colors ${
          over
            ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950/30'
            : 'border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900'
        }`}
      >
        <p className="text-lg font-medium">Drop files here to share them</p>
        <p className="text-sm text-zinc-500">or a .torrent file to open it. Several files make one torrent.</p>
        <button
          type="button"
          onClick={() => picker.current?.click()}
          disabled={!!busy}
          className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
        >
          {busy ?? 'Choose files'}
        </button>
        <input
          ref={picker}
          type="file"
          multiple
          className="sr-only"
          data-testid="file-input"
          onChange={(event) => {
            void take(event.target.files)
            event.target.value = ''
          }}
        />
      </div>
      {error && (
        <p role="alert" data-testid="share-error" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      {shared && <ShareResult torrent={shared} />}
      <OpenForm />
    </div>
  )
}
