import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Player' }

export default function EmbedPage() {
  return (
    <div className="grid min-h-[50vh] place-items-center text-sm text-zinc-500">
      The embeddable player is not built yet.
    </div>
  )
}
