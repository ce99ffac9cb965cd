'use client'

import { useDeployment } from '@/components/chain/useDeployment'
import { useEffect } from 'react'
import { UnlockPanel } from '@/components/paywall/UnlockPanel'
import { usePaidListing } from '@/components/paywall/usePaidListing'
import { useUnlock } from '@/components/paywall/useUnlock'
import { formatBytes } from '@/components/torrent/formatBytes'
import { WalletButton } from '@/components/wallet/WalletButton'
import { formatPrice } from '@/lib/chain/formatPrice'
import { isFreeListing } from '@/lib/chain/isFreeListing'
import type { PlayerBridge } from '@/lib/embed/startPlayerBridge'
import { formatError } from '@/lib/formatError'
import type { LinkSources } from '@/lib/torrent/readLinkSources'
import { EmbedNotice } from './EmbedNotice'
import { TorrentEmbed } from './TorrentEmbed'

/** Props of {@link ListingEmbed}. */
export type ListingEmbedProps = {
  bridge: PlayerBridge
  contentId: bigint
  /** Trackers and relays the embed address named, on top of the listing's. */
  linkSources?: LinkSources
  autoplay: boolean
  muted: boolean
}

/**
 * A listing in the frame: a free one plays at once; a paid one shows its title, price, the wallet
 * and "Unlock for <price>" (the same unlock flow as the watch page), then plays.
 */
export function ListingEmbed({ bridge, contentId, linkSources, autoplay, muted }: ListingEmbedProps) {
  const { data: listing, error: readError } = usePaidListing(contentId)
  const deployment = useDeployment()
  const free = !!listing && isFreeListing(listing)
  const unlock = useUnlock(free ? undefined : listing)
  const contentKey = unlock.contentKey
  const readMessage = readError ? formatError(readError) : undefined

  useEffect(() => bridge.setContentId(contentId), [bridge, contentId])
  useEffect(() => {
    if (listing && !free && !contentKey) bridge.setPhase(unlock.busy ? 'unlocking' : 'locked')
  }, [bridge, listing, free, contentKey, unlock.busy])
  useEffect(() => {
    if (contentKey) bridge.unlocked(contentId)
  }, [bridge, contentKey, contentId])
  useEffect(() => {
    const message = readMessage ?? unlock.error
    if (message) bridge.error(message)
    if (readMessage) bridge.setPhase('error')
  }, [bridge, readMessage, unlock.error])

  if (readMessage) return <EmbedNotice error>{readMessage}</EmbedNotice>
  if (!listing) return <EmbedNotice>Reading the listing…</EmbedNotice>
  if (free || contentKey)
    return (
      <TorrentEmbed
        bridge={bridge}
        torrentId={listing.infoHash}
        contentKey={contentKey}
        sources={{
          webSeeds: listing.sources.webSeeds,
          trackers: [...listing.sources.trackers, ...(linkSources?.trackers ?? [])],
          relays: [...listing.sources.relays, ...(linkSources?.relays ?? [])],
        }}
        autoplay={autoplay}
        muted={muted}
      />
    )

  const price = formatPrice({
    price: listing.currentPrice,
    token: listing.token,
    deployment,
  })
  return (
    <div
      data-testid="embed-locked"
      className="flex h-full w-full flex-col justify-center gap-2 overflow-auto bg-white p-3 text-zinc-900 sm:gap-3 sm:p-6 dark:bg-zinc-950 dark:text-zinc-100"
    >
      <div className="min-w-0">
        <h1 className="truncate text-sm font-semibold sm:text-lg" data-testid="listing-title" title={listing.title}>
          {listing.title || 'Untitled'}
        </h1>
        <p className="truncate text-xs text-zinc-500">
          <span data-testid="listing-price">{price}</span> · {formatBytes(Number(listing.size))} · {listing.stats.sold}{' '}
          sold
        </p>
      </div>
      <UnlockPanel unlock={unlock} price={price} active={listing.active} size="frame">
        <WalletButton />
      </UnlockPanel>
    </div>
  )
}
