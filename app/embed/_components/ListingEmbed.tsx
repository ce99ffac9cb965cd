'use client'

import { useEffect } from 'react'
import { useAccount } from 'wagmi'
import { usePaidListing } from '@/components/paywall/usePaidListing'
import { useUnlock } from '@/components/paywall/useUnlock'
import { formatBytes } from '@/components/torrent/formatBytes'
import { WalletButton } from '@/components/wallet/WalletButton'
import { formatPrice } from '@/lib/chain/formatPrice'
import { requireDeployment } from '@/lib/chain/requireDeployment'
import { appConfig } from '@/lib/config'
import type { PlayerBridge } from '@/lib/embed/startPlayerBridge'
import { formatError } from '@/lib/formatError'
import type { UnlockStep } from '@/lib/purchases/unlockListing'
import { EmbedNotice } from './EmbedNotice'
import { TorrentEmbed } from './TorrentEmbed'

/** Props of {@link ListingEmbed}. */
export type ListingEmbedProps = { bridge: PlayerBridge; contentId: bigint; autoplay: boolean; muted: boolean }

// Shorter than the watch page's sentences: the frame may be 320 pixels wide.
const stepText: Record<UnlockStep, string> = {
  connect: 'Checking your wallet…',
  sign: 'Sign the account message in your wallet (once per device).',
  approve: 'Approve the token payment in your wallet…',
  purchase: 'Confirm the purchase in your wallet…',
  waiting: 'Paid. Waiting for the creator to deliver your key…',
  verifying: 'Key received: checking it…',
  disputing: 'The delivered key is wrong: getting your money back…',
  refunding: 'Taking your refund…',
}

const ZERO_KEY_HASH = /^0x0{64}$/

/**
 * A listing in the frame: a free one plays at once; a paid one shows its title, price, the wallet
 * and "Unlock for <price>" (the same unlock flow as the watch page), then plays.
 */
export function ListingEmbed({ bridge, contentId, autoplay, muted }: ListingEmbedProps) {
  const { data: listing, error: readError } = usePaidListing(contentId)
  const free = !!listing && ZERO_KEY_HASH.test(listing.keyHash)
  const unlock = useUnlock(free ? undefined : listing)
  const { isConnected } = useAccount()
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
        autoplay={autoplay}
        muted={muted}
      />
    )

  const price = formatPrice({
    price: listing.currentPrice,
    token: listing.token,
    deployment: requireDeployment(appConfig.chains[0].id),
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
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={() => void unlock.unlock()}
          disabled={unlock.busy || !listing.active || !isConnected}
          className="h-9 rounded-lg bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
        >
          Unlock for {price}
        </button>
        <WalletButton />
        {isConnected && (
          <button
            type="button"
            onClick={() => void unlock.restore()}
            disabled={unlock.busy}
            title="Bought it before? One signature finds your key."
            className="h-9 rounded-lg px-2 text-xs text-zinc-600 underline hover:text-zinc-900 disabled:opacity-50 dark:text-zinc-400 dark:hover:text-white"
          >
            I bought it
          </button>
        )}
      </div>
      {!listing.active && <p className="text-xs text-amber-700">The creator has paused sales.</p>}
      {unlock.step && (
        <p
          role="status"
          data-testid="unlock-step"
          data-step={unlock.step}
          className="text-xs text-zinc-600 dark:text-zinc-400"
        >
          {stepText[unlock.step]}
        </p>
      )}
      {unlock.refundable && (
        <p className="text-xs">
          The creator did not deliver in time.{' '}
          <button type="button" onClick={() => void unlock.refund()} className="font-medium text-amber-700 underline">
            Refund
          </button>
        </p>
      )}
      {unlock.notice && (
        <p role="status" className="text-xs text-emerald-700 dark:text-emerald-300">
          {unlock.notice}
        </p>
      )}
      {unlock.error && (
        <p role="alert" data-testid="embed-error" className="text-xs text-red-700 dark:text-red-300">
          {unlock.error}
        </p>
      )}
    </div>
  )
}
