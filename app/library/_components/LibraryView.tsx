'use client'

import { useMemo } from 'react'
import { useAccount } from 'wagmi'
import { SeedingEarnHint } from '@/components/receipts/SeedingEarnHint'
import { useMounted } from '@/components/ui/useMounted'
import { BuyerSection } from './BuyerSection'
import { CreatorSection } from './CreatorSection'
import { EarningsSection } from './EarningsSection'
import { LibraryList, type PaidTorrent } from './LibraryList'
import { useBuyerPurchases } from './useBuyerPurchases'
import { useCreatorDashboard } from './useCreatorDashboard'

/**
 * /library in three parts: what the connected wallet sells (when it has listings), what it and
 * this browser bought (when there is anything), and the torrents this browser shares and downloads.
 */
export function LibraryView() {
  const mounted = useMounted()
  const { address } = useAccount()
  // The wallet is only known in the browser: render the wallet parts after mounting, never at prerender.
  const account = mounted ? address : undefined
  // The same queries as the sections' (shared by key): they name the paid torrents of this device.
  const { data: selling } = useCreatorDashboard(account)
  const { data: bought } = useBuyerPurchases(account, { enabled: mounted })
  const paid = useMemo(() => {
    const map = new Map<string, PaidTorrent>()
    for (const p of bought ?? [])
      if (p.listing) map.set(p.listing.infoHash, { contentId: p.contentId, title: p.listing.title })
    for (const l of selling?.listings ?? []) map.set(l.infoHash, { contentId: l.contentId, title: l.title })
    return map
  }, [selling, bought])
  return (
    <div className="space-y-12">
      {account && <CreatorSection creator={account} />}
      {mounted && <BuyerSection buyer={account} />}
      {account && <EarningsSection seeder={account} />}
      {mounted && !account && (
        <p className="text-sm text-zinc-500" data-testid="library-connect-hint">
          Connect your wallet to see what you sell and everything you bought, on any device.
        </p>
      )}
      <section aria-labelledby="on-device" className="space-y-4">
        <div>
          <h2 id="on-device" className="text-xl font-semibold tracking-tight">
            On this device
          </h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            What this browser shares and downloads. It all resumes by itself when you come back.
          </p>
          <div className="mt-1">
            <SeedingEarnHint inLibrary />
          </div>
        </div>
        <LibraryList paid={paid} />
      </section>
    </div>
  )
}
