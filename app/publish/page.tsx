import type { Metadata } from 'next'
import { CreatorAgent } from '@/components/paywall/CreatorAgent'
import { PublishForm } from '@/components/publish/PublishForm'
import { PageHeading } from '@/components/ui/PageHeading'

export const metadata: Metadata = { title: 'Publish' }

export default function PublishPage() {
  return (
    <>
      <PageHeading title="Publish">
        Sell files from your tab: they are encrypted here, seeded by you and your buyers, and unlocked on chain.
      </PageHeading>
      <CreatorAgent />
      <PublishForm />
    </>
  )
}
