'use client'

import type { Address } from 'viem'
import { CreatorAgent } from '@/components/paywall/CreatorAgent'
import { RestoreListings } from '@/components/publish/RestoreListings'
import { CreatorBalances } from './CreatorBalances'
import { CreatorListingCard } from './CreatorListingCard'
import { SweepPools } from './SweepPools'
import { useCreatorDashboard } from './useCreatorDashboard'

/**
 * "What you sell": shown once the connected wallet's first listing on this chain is read (newest
 * first, as /library's scan goes; its loading state and errors are LibraryView's). Revenue per
 * token with Withdraw, then each listing with its sales and actions; the delivery agent's status
 * and, for a new device, "Restore my listings".
 */
export function CreatorSection({ creator }: { creator: Address }) {
  const { data } = useCreatorDashboard(creator)
  if (!data || data.listings.length === 0) return null
  return (
    <section aria-labelledby="selling" className="space-y-5" data-testid="creator-section">
      <div>
        <h2 id="selling" className="text-xl font-semibold tracking-tight">
          What you sell
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {data.listings.length} listing{data.listings.length === 1 ? '' : 's'} of this wallet
          {data.done ? '' : ' so far'}. Keep any Keyswarm tab open in this browser, or run npm run agent, so buyers get
          their keys.
        </p>
      </div>
      <CreatorAgent />
      <RestoreListings />
      <CreatorBalances balances={data.balances} />
      <SweepPools listings={data.listings} />
      <ul className="space-y-4">
        {data.listings.map((listing) => (
          <CreatorListingCard key={String(listing.contentId)} listing={listing} />
        ))}
      </ul>
    </section>
  )
}
