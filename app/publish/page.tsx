import type { Metadata } from 'next'
import { PageHeading } from '@/components/ui/PageHeading'

export const metadata: Metadata = { title: 'Publish' }

export default function PublishPage() {
  return (
    <PageHeading title="Publish">
      Sell files from your tab: they are encrypted here, seeded by you and your buyers, and unlocked on chain. Paid
      publishing is not built yet — for now, drop files on the Discover page to share them for free.
    </PageHeading>
  )
}
