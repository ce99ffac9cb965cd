import type { Metadata } from 'next'
import { CreatorAgent } from '@/components/paywall/CreatorAgent'
import { PublishForm } from '@/components/publish/PublishForm'
import { RestoreListings } from '@/components/publish/RestoreListings'
import { PageHeading } from '@/components/ui/PageHeading'

export const metadata: Metadata = { title: 'Publish' }

export default function PublishPage() {
  return (
    <>
      <PageHeading title="Publish">
        Share files from your tab, free or paid: paid files are encrypted here, seeded by you and your buyers, and
        unlocked on chain.
      </PageHeading>
      <CreatorAgent />
      <RestoreListings />
      <PublishForm />
    </>
  )
}
