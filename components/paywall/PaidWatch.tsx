'use client'

import { useTargetDeployment } from '@/components/chain/useTargetDeployment'
import { useDeployment } from '@/components/chain/useDeployment'
import { useCallback, useState } from 'react'
import { FreeListingPlayer } from '@/components/catalog/FreeListingPlayer'
import { useListingTorrent } from '@/components/catalog/useListingTorrent'
import { useOwnListingKey } from '@/components/catalog/useOwnListingKey'
import { SeedingEarnHint } from '@/components/receipts/SeedingEarnHint'
import { formatBytes } from '@/components/torrent/formatBytes'
import { formatPrice } from '@/lib/chain/formatPrice'
import { isFreeListing } from '@/lib/chain/isFreeListing'
import { formatError } from '@/lib/formatError'
import { measureUnlockToFirstFrame } from '@/lib/purchases/measureUnlockToFirstFrame'
import type { Torrent } from '@/lib/torrent/addTorrent'
import type { LinkSources } from '@/lib/torrent/readLinkSources'
import { PaidPlayer } from './PaidPlayer'
import { UnlockPanel } from './UnlockPanel'
import { usePaidListing } from './usePaidListing'
import { useUnlock } from './useUnlock'

/** Props of {@link PaidWatch}. */
export type PaidWatchProps = {
  contentId: bigint
  /** Trackers and relays the link named (`&tr=`, `&relay=`). */
  linkSources?: LinkSources
}

/**
 * `/watch/?listing=<id>`: a listing's details, provenance and cover (shown as soon as the cover
 * file arrives from the swarm, before any purchase). A free listing (keyHash 0) plays at once
 * with the normal player, no wallet needed; a paid one shows the Unlock flow, then the player.
 * Its peers are found through the app's trackers and relays, the listing's, and the link's.
 */
export function PaidWatch({ contentId, linkSources }: PaidWatchProps) {
  const { data: listing, error: readError } = usePaidListing(contentId)
  const unlock = useUnlock(listing)
  const ownKey = useOwnListingKey(listing?.contentId)
  const contentKey = unlock.contentKey ?? ownKey
  const free = !!listing && isFreeListing(listing)
  const listingTorrent = useListingTorrent(listing, { wanted: free || !!contentKey, linkSources })
  const [playerHash, setTorrentHash] = useState<string>()
  const torrentHash = playerHash ?? listingTorrent.torrent?.infoHash
  const deployment = useDeployment()
  const { error: notDeployed } = useTargetDeployment()
  const onTorrent = useCallback((torrent: Torrent) => setTorrentHash(torrent.infoHash), [])

  if (notDeployed)
    return (
      <p role="alert" data-testid="watch-not-deployed" className="text-sm text-amber-700 dark:text-amber-300">
        {formatError(notDeployed)}
      </p>
    )
  if (readError)
    return (
      <p
        role="alert"
        data-testid="watch-error"
        className="rounded-lg bg-red-50 px-4 py-3 text-red-800 dark:bg-red-950/40 dark:text-red-200"
      >
        {formatError(readError)}
      </p>
    )
  if (!listing) return <p className="text-sm text-zinc-500">Reading the listing from the chain…</p>

  const price = free ? 'Free' : formatPrice({ price: listing.currentPrice, token: listing.token, deployment })
  return (
    <div className="space-y-6" data-testid="paid-watch" data-free={free} data-prefetched={listingTorrent.prefetched}>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        {listingTorrent.cover && (
          // eslint-disable-next-line @next/next/no-img-element -- the listing's cover, an object URL of a file from the swarm
          <img
            src={listingTorrent.cover}
            alt={`Cover of ${listing.title || 'this listing'}`}
            data-testid="listing-cover"
            className="max-h-64 w-full rounded-xl object-cover sm:w-72"
          />
        )}
        <div>
          <h1 className="text-2xl font-semibold tracking-tight break-words" data-testid="listing-title">
            {listing.title || 'Untitled'}
          </h1>
          {listing.description && (
            <p className="mt-2 whitespace-pre-line text-zinc-600 dark:text-zinc-400">{listing.description}</p>
          )}
        </div>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="listing-facts">
        <dt className="text-zinc-500">Price</dt>
        <dd data-testid="listing-price">{price}</dd>
        <dt className="text-zinc-500">Size</dt>
        <dd>
          {formatBytes(Number(listing.size))}
          {free ? '' : ' (encrypted)'}
        </dd>
        <dt className="text-zinc-500">Creator</dt>
        <dd className="font-mono break-all">{listing.creator}</dd>
        <dt className="text-zinc-500">Listed</dt>
        <dd className="break-all">
          block {String(listing.blockNumber)}, transaction <span className="font-mono">{listing.transactionHash}</span>
        </dd>
        {!free && (
          <>
            <dt className="text-zinc-500">Sales</dt>
            <dd data-testid="listing-stats">
              {listing.stats.sold} sold, {listing.stats.delivered} delivered, {listing.stats.refunded} refunded,{' '}
              {listing.stats.disputed} disputed
            </dd>
          </>
        )}
        <dt className="text-zinc-500">Infohash</dt>
        <dd className="font-mono break-all" data-testid="infohash-check">
          {listing.infoHash}{' '}
          {torrentHash &&
            (torrentHash === listing.infoHash ? '✓ matches the torrent' : `✗ the torrent is ${torrentHash}`)}
        </dd>
        {listing.sources.webSeeds.length > 0 && (
          <>
            <dt className="text-zinc-500">Web seeds</dt>
            <dd className="break-all" data-testid="listing-webseeds">
              {listing.sources.webSeeds.join(', ')}
            </dd>
          </>
        )}
      </dl>

      {!free && <SeedingEarnHint seedShareBps={listing.seedShareBps} />}
      {listingTorrent.error && (
        <p role="alert" data-testid="listing-torrent-error" className="text-sm text-red-700 dark:text-red-300">
          {listingTorrent.error}
        </p>
      )}
      {free ? (
        <FreeListingPlayer torrent={listingTorrent.torrent} />
      ) : contentKey ? (
        <PaidPlayer
          infoHash={listing.infoHash}
          contentKey={contentKey}
          webSeeds={listing.sources.webSeeds}
          trackers={[...listing.sources.trackers, ...(linkSources?.trackers ?? [])]}
          relays={[...listing.sources.relays, ...(linkSources?.relays ?? [])]}
          onTorrent={onTorrent}
          onFirstFrame={measureUnlockToFirstFrame}
        />
      ) : (
        <UnlockPanel unlock={unlock} price={price} active={listing.active} size="page" />
      )}
      {unlock.gas && (
        <p
          className="text-xs text-zinc-500"
          data-testid="unlock-gas"
          data-purchase-gas={String(unlock.gas.purchase)}
          data-approve-gas={String(unlock.gas.approve)}
        >
          Purchase #{String(unlock.purchaseId)}: {String(unlock.gas.purchase)} gas
          {unlock.gas.approve > 0n && `, approval ${unlock.gas.approve} gas`}
        </p>
      )}
    </div>
  )
}
