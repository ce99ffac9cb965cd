'use client'

import { useEffect, useState } from 'react'
import { formatError } from '@/lib/formatError'

/** Bytes of a text file shown inline; the rest is a download away. */
const PREVIEW_BYTES = 256 * 1024

/** The beginning of a text file, as text (never HTML). */
export function TextPreview({ src, size }: { src: string; size: number }) {
  const [text, setText] = useState<string>()
  const [error, setError] = useState<string>()
  useEffect(() => {
    const abort = new AbortController()
    fetch(src, { headers: { Range: `bytes=0-${Math.min(size, PREVIEW_BYTES) - 1}` }, signal: abort.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(await response.text())
        setText(await response.text())
      })
      .catch((e: unknown) => !abort.signal.aborted && setError(formatError(e)))
    return () => abort.abort()
  }, [src, size])
  if (error) return <p className="text-sm text-red-600 dark:text-red-400">{error}</p>
  if (text === undefined) return <p className="text-sm text-zinc-500">Loading…</p>
  return (
    <pre
      data-testid="text-preview"
      className="max-h-[60vh] overflow-auto rounded-lg bg-zinc-100 p-4 text-sm whitespace-pre-wrap dark:bg-zinc-900"
    >
      {text}
      {size > PREVIEW_BYTES && '\n…'}
    </pre>
  )
}
