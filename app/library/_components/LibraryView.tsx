'use client'

import { useMemo } from 'react'
import { useAccount } from 'wagmi'
import { ChainReadError } from '@/components/chain/ChainReadError'
import { useTargetDeployment } from '@/components/chain/useTargetDeployment'
import { SeedingEarnHint } from '@/components/receipts/SeedingEarnHint'
import { useMounted } from '@/components/ui/useMounted'
import { formatError } from '@/lib/formatError'
import { BuyerSection } from './BuyerSection'
import { CreatorSection } from './CreatorSection'
import { EarningsSection } from './EarningsSection'
import { LibraryList, type PaidTorrent } from './LibraryList'
import { useBuyerPurchases } from './useBuyerPurchases'
import { useCreatorDashboard } from './useCreatorDashboard'
import { useLibraryChain } from './useLibraryChain'

/**
 * /library in three parts: what the connected wallet sells (when it has listings), what it and
 * this browser bought (when there is anything), and the torrents this browser shares and downloads.
 * The chain parts show as /library's one scan reads them, newest first, with a loading state
 * (`data-state` on `library-chain`, as the home catalog), and a failed read says so with a Retry,
 * keeping what is shown. Where Keyswarm is not deployed, the chain parts say so instead.
 */
export function LibraryView() {
  const mounted = useMounted()
  const { address } = useAccount()
  // The wallet is only known in the browser: render the wallet parts after mounting, never at prerender.
  const account = mounted ? address : undefined
  // The same queries as the sections' (shared by key): they name the paid torrents of this device.
  const { data: selling } = useCreatorDashboard(account)
  const { data: bought } = useBuyerPurchases(account, { enabled: mounted })
  const { chainId, error: notDeployed } = useTargetDeployment()
  const chain = useLibraryChain(account, { enabled: mounted })
  const done = !!chain.data?.done
  const readSoFar = [
    chain.data?.listings.length ? `${chain.data.listings.length} of your listings` : '',
    chain.data?.purchases.length ? `${chain.data.purchases.length} purchases` : '',
  ]
    .filter(Boolean)
    .join(' and ')
  const paid = useMemo(() => {
    const map = new Map<string, PaidTorrent>()
    for (const p of bought ?? [])
      if (p.listing) map.set(p.listing.infoHash, { contentId: p.contentId, title: p.listing.title })
    for (const l of selling?.listings ?? []) map.set(l.infoHash, { contentId: l.contentId, title: l.title })
    return map
  }, [selling, bought])
  return (
    <div className="space-y-12">
      {mounted && notDeployed && (
        <p role="alert" className="text-sm text-amber-700 dark:text-amber-300" data-testid="library-not-deployed">
          {formatError(notDeployed)}
        </p>
      )}
      {mounted && !notDeployed && (
        <div
          className="space-y-12"
          data-testid="library-chain"
          data-chain-id={chainId}
          data-state={chain.error ? 'error' : done ? 'done' : 'loading'}
          aria-busy={!done}
        >
          {chain.error != null && (
            <ChainReadError
              what="Your listings and purchases"
              error={chain.error}
              keeping={!!chain.data}
              onRetry={() => void chain.refetch()}
              retrying={chain.isFetching}
            />
          )}
          {!done && chain.error == null && (
            <p role="status" className="text-sm text-zinc-500" data-testid="library-loading">
              {readSoFar
                ? `${readSoFar} read so far; older blocks are still being read…`
                : 'Reading your listings and purchases from the chain, newest first…'}
            </p>
          )}
          {account && <CreatorSection creator={account} />}
          <BuyerSection buyer={account} />
        </div>
      )}
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
