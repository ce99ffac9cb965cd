'use client'

import { useEffect, useRef } from 'react'

/** Which pieces of a torrent are here: one cell per group of pieces, darker when more of it is here. */
export function PiecesBar({ pieces, label }: { pieces: Uint8Array; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const context = canvas.current?.getContext('2d')
    if (!context || !canvas.current) return
    const { width, height } = canvas.current
    context.clearRect(0, 0, width, height)
    const cell = width / Math.max(1, pieces.length)
    pieces.forEach((have, i) => {
      if (have === 0) return
      context.fillStyle = `rgba(79, 70, 229, ${0.25 + (0.75 * have) / 255})`
      context.fillRect(Math.floor(i * cell), 0, Math.ceil(cell), height)
    })
  }, [pieces])
  return (
    <canvas
      ref={canvas}
      width={600}
      height={12}
      role="img"
      aria-label={label}
      className="h-3 w-full rounded bg-zinc-200 dark:bg-zinc-800"
    />
  )
}
