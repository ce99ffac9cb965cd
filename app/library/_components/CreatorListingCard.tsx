'use client'

import { useDeployment } from '@/components/chain/useDeployment'
import { useQueryClient } from '@tanstack/react-query'
import Link from 'next/link'
import { type FormEvent, useState } from 'react'
import { formatUnits } from 'viem'
import { useConfig } from 'wagmi'
import { formatBytes } from '@/components/torrent/formatBytes'
import { formatPrice } from '@/lib/chain/formatPrice'
import { parsePrice } from '@/lib/chain/parsePrice'
import type { PurchaseStateName } from '@/lib/chain/purchaseStateName'
import type { CreatorListing } from '@/lib/chain/readCreatorListings'
import { setListingActive } from '@/lib/chain/setListingActive'
import { setListingPrice } from '@/lib/chain/setListingPrice'
import { toListingTrackers } from '@/lib/chain/toListingTrackers'
import { setListingSources } from '@/lib/chain/setListingSources'
import { tokenUnit } from '@/lib/chain/tokenUnit'
import { ActionStatus } from './ActionStatus'
import { useChainAction } from './useChainAction'
import { libraryQueryKey } from './libraryQueryKey'

const saleText: Record<PurchaseStateName, string> = {
  none: 'unknown',
  pending: 'waiting for its key',
  expired: 'key missed the deadline: refundable',
  delivered: 'delivered, in the dispute window',
  settled: 'final',
  refunded: 'refunded',
  disputed: 'disputed: refunded',
}

const field = 'mt-1 w-full rounded-lg border border-zinc-300 bg-transparent px-3 py-2 text-sm dark:border-zinc-700'
const secondary =
  'rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-900'

/** One listing of the creator: what it is, how it sells, and its actions (price, pause, sources). */
export function CreatorListingCard({ listing }: { listing: CreatorListing }) {
  const config = useConfig()
  const queryClient = useQueryClient()
  const action = useChainAction()
  const deployment = useDeployment()
  const unit = tokenUnit(listing.token, deployment)
  const price = formatPrice({ price: listing.currentPrice, token: listing.token, deployment })
  const [editing, setEditing] = useState<'price' | 'sources'>()
  const id = String(listing.contentId)
  const refresh = () => queryClient.invalidateQueries({ queryKey: libraryQueryKey })

  const changePrice = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const text = String(new FormData(event.currentTarget).get('price') ?? '').trim()
    void action.run('Confirm the new price in your wallet…', async () => {
      const next = parsePrice({ text, unit })
      await setListingPrice(config, { deployment, contentId: listing.contentId, price: next })
      await refresh()
      setEditing(undefined)
      return `Price changed to ${formatPrice({ price: next, token: listing.token, deployment })}: new buyers pay that.`
    })
  }

  const toggleActive = () =>
    void action.run(
      listing.active ? 'Confirm pausing sales in your wallet…' : 'Confirm resuming sales in your wallet…',
      async () => {
        await setListingActive(config, { deployment, contentId: listing.contentId, active: !listing.active })
        await refresh()
        return listing.active
          ? 'Sales paused: nobody can buy this listing until you resume. Buyers keep what they bought.'
          : 'Sales resumed: the listing can be bought again.'
      },
    )

  const updateSources = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    void action.run('Confirm the new trackers and web seeds in your wallet…', async () => {
      await setListingSources(config, {
        deployment,
        contentId: listing.contentId,
        trackers: [String(data.get('trackers') ?? '')],
        webSeeds: [String(data.get('webSeeds') ?? '')],
      })
      await refresh()
      setEditing(undefined)
      return 'Trackers and web seeds updated on chain: new viewers use them.'
    })
  }

  return (
    <li
      className="space-y-4 rounded-2xl border border-zinc-200 p-4 dark:border-zinc-800"
      data-testid="creator-listing"
      data-content-id={id}
      data-active={listing.active}
    >
      <div className="flex flex-wrap items-baseline gap-3">
        <Link
          href={`/watch/?listing=${id}`}
          className="min-w-0 flex-1 font-medium break-words hover:text-indigo-600 dark:hover:text-indigo-400"
          data-testid="creator-listing-title"
        >
          {listing.title || 'Untitled'} <span className="text-sm font-normal text-zinc-500">#{id}</span>
        </Link>
        <span className="text-lg font-semibold tabular-nums" data-testid="creator-listing-price">
          {price}
        </span>
        <span
          data-testid="creator-listing-state"
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${
            listing.active
              ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200'
              : 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200'
          }`}
        >
          {listing.active ? 'On sale' : 'Paused'}
        </span>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-zinc-500">Sales</dt>
        <dd data-testid="creator-listing-stats">
          {listing.stats.sold} sold, {listing.keys.delivered} delivered, {listing.stats.refunded} refunded,{' '}
          {listing.stats.disputed} disputed
        </dd>
        <dt className="text-zinc-500">Keys</dt>
        <dd
          data-testid="creator-listing-keys"
          data-waiting={listing.keys.waiting}
          data-delivered={listing.keys.delivered}
        >
          {listing.keys.waiting === 0 ? 'none waiting' : `${listing.keys.waiting} waiting for delivery`},{' '}
          {listing.keys.delivered} delivered ({listing.stats.delivered} settled)
          {listing.keys.missed > 0 && `, ${listing.keys.missed} missed the deadline (refundable)`}
        </dd>
        <dt className="text-zinc-500">Size</dt>
        <dd>
          {formatBytes(Number(listing.size))} encrypted, seeders get {listing.seedShareBps / 100}% of each sale
        </dd>
        <dt className="text-zinc-500">Trackers</dt>
        <dd className="break-all" data-testid="creator-listing-trackers">
          {toListingTrackers(listing.sources).join(', ') || 'the app’s defaults'}
        </dd>
        <dt className="text-zinc-500">Web seeds</dt>
        <dd className="break-all" data-testid="creator-listing-webseeds">
          {listing.sources.webSeeds.join(', ') || 'none'}
        </dd>
      </dl>
      {listing.sales.length > 0 && (
        <details className="text-sm" data-testid="creator-listing-sales">
          <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Sales ({listing.sales.length})</summary>
          <ul className="mt-2 space-y-1">
            {[...listing.sales]
              .reverse()
              .slice(0, 20)
              .map((sale) => (
                <li key={String(sale.purchaseId)} className="flex flex-wrap gap-x-3 font-mono text-xs">
                  <span>#{String(sale.purchaseId)}</span>
                  <span className="break-all">{sale.buyer}</span>
                  <span>{formatPrice({ price: sale.amount, token: listing.token, deployment })}</span>
                  <span className="font-sans">{saleText[sale.state]}</span>
                </li>
              ))}
          </ul>
        </details>
      )}

      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={secondary}
          disabled={action.busy}
          onClick={() => setEditing(editing === 'price' ? undefined : 'price')}
        >
          Change price
        </button>
        <button type="button" className={secondary} disabled={action.busy} onClick={toggleActive}>
          {listing.active ? 'Pause sales' : 'Resume sales'}
        </button>
        <button
          type="button"
          className={secondary}
          disabled={action.busy}
          onClick={() => setEditing(editing === 'sources' ? undefined : 'sources')}
        >
          Trackers and web seeds
        </button>
      </div>

      {editing === 'price' && (
        <form
          onSubmit={changePrice}
          className="flex flex-wrap items-end gap-2"
          aria-label={`New price of listing #${id}`}
        >
          <label className="block text-sm font-medium">
            New price ({unit.symbol})
            <input
              name="price"
              required
              inputMode="decimal"
              defaultValue={formatUnits(listing.currentPrice, unit.decimals)}
              className={field}
            />
          </label>
          <button
            type="submit"
            disabled={action.busy}
            className="rounded-lg bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
          >
            Save price
          </button>
        </form>
      )}
      {editing === 'sources' && (
        <form onSubmit={updateSources} className="space-y-2" aria-label={`Sources of listing #${id}`}>
          <label className="block text-sm font-medium">
            Trackers (one wss:// address per line; a Nostr relay as nostr+wss://)
            <textarea
              name="trackers"
              rows={3}
              defaultValue={toListingTrackers(listing.sources).join('\n')}
              className={`${field} font-mono`}
            />
          </label>
          <label className="block text-sm font-medium">
            Web seeds (one https:// address per line)
            <textarea
              name="webSeeds"
              rows={2}
              defaultValue={listing.sources.webSeeds.join('\n')}
              className={`${field} font-mono`}
            />
          </label>
          <button
            type="submit"
            disabled={action.busy}
            className="rounded-lg bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
          >
            Save sources
          </button>
        </form>
      )}
      <ActionStatus state={action} testId="listing-action-status" />
    </li>
  )
}
