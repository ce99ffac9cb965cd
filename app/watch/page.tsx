import type { Metadata } from 'next'
import { Suspense } from 'react'
import { WatchView } from './_components/WatchView'

export const metadata: Metadata = { title: 'Watch' }

/** `/watch/?id=<infohash>` or `/watch/?magnet=<magnet link>`: streams a torrent in the page. */
export default function WatchPage() {
  return (
    <Suspense fallback={<p className="text-sm text-zinc-500">Loading…</p>}>
      <WatchView />
    </Suspense>
  )
}
