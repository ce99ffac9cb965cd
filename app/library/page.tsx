import type { Metadata } from 'next'
import { PageHeading } from '@/components/ui/PageHeading'
import { LibraryView } from './_components/LibraryView'

export const metadata: Metadata = { title: 'Library' }

/**
 * `/library`: what the connected wallet sells (revenue, withdrawals, price, pause, sources), what
 * it bought (state, restore, play), and every torrent this browser shares or downloads.
 */
export default function LibraryPage() {
  return (
    <>
      <PageHeading title="Your library">
        What you sell, what you bought, and what this browser shares. Everything on chain is readable from any device;
        files and keys kept here play offline.
      </PageHeading>
      <LibraryView />
    </>
  )
}
