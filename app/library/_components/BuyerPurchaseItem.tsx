'use client'

import { useDeployment } from '@/components/chain/useDeployment'
import { useQueryClient } from '@tanstack/react-query'
import Link from 'next/link'
import { useConfig } from 'wagmi'
import { formatPrice } from '@/lib/chain/formatPrice'
import type { PurchaseStateName } from '@/lib/chain/purchaseStateName'
import { refundPurchase } from '@/lib/chain/refundPurchase'
import { ActionStatus } from './ActionStatus'
import type { OwnedPurchase } from './useBuyerPurchases'
import { useChainAction } from './useChainAction'
import { libraryQueryKey } from './libraryQueryKey'

const stateText: Record<PurchaseStateName, string> = {
  none: 'Unknown',
  pending: 'Waiting for the key',
  expired: 'Refundable: the key did not arrive in time',
  delivered: 'Delivered',
  settled: 'Delivered',
  refunded: 'Refunded',
  disputed: 'Disputed: a wrong key was delivered and you were refunded',
}

/** One purchase: what, for how much, where it stands, whether it plays offline here; Play or Refund. */
export function BuyerPurchaseItem({ purchase }: { purchase: OwnedPurchase }) {
  const config = useConfig()
  const queryClient = useQueryClient()
  const action = useChainAction()
  const deployment = useDeployment()
  const { listing } = purchase
  const paid = listing
    ? formatPrice({ price: purchase.amount, token: listing.token, deployment })
    : `${purchase.amount} units`
  const playable = purchase.state === 'delivered' || purchase.state === 'settled'
  const watch = `/watch/?listing=${purchase.contentId}`

  const refund = () =>
    void action.run('Confirm the refund in your wallet…', async () => {
      const { gasUsed } = await refundPurchase(config, { deployment, purchaseId: purchase.purchaseId })
      await queryClient.invalidateQueries({ queryKey: libraryQueryKey })
      return `Refunded: ${paid} went back to your wallet (${gasUsed} gas).`
    })

  return (
    <li
      className="space-y-2 rounded-2xl border border-zinc-200 p-4 dark:border-zinc-800"
      data-testid="purchase"
      data-purchase-id={String(purchase.purchaseId)}
      data-content-id={String(purchase.contentId)}
      data-state={purchase.state}
    >
      <div className="flex flex-wrap items-baseline gap-3">
        <Link
          href={watch}
          className="min-w-0 flex-1 font-medium break-words hover:text-indigo-600 dark:hover:text-indigo-400"
        >
          {listing?.title || `Listing #${purchase.contentId}`}
        </Link>
        <span className="text-sm text-zinc-500">
          Purchase #{String(purchase.purchaseId)} · paid <span data-testid="purchase-paid">{paid}</span>
        </span>
      </div>
      <p className="text-sm" data-testid="purchase-state">
        {stateText[purchase.state]}
      </p>
      <p
        className="text-sm text-zinc-600 dark:text-zinc-400"
        data-testid="purchase-device"
        data-offline={offline(purchase)}
      >
        {deviceText(purchase)}
      </p>
      <div className="flex flex-wrap gap-2">
        {playable && (
          <Link
            href={watch}
            className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
          >
            Play
          </Link>
        )}
        {purchase.state === 'pending' && (
          <Link
            href={watch}
            className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900"
          >
            Open
          </Link>
        )}
        {purchase.state === 'expired' && (
          <button
            type="button"
            onClick={refund}
            disabled={action.busy}
            className="rounded-lg bg-amber-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-500 disabled:opacity-50"
          >
            Refund
          </button>
        )}
      </div>
      <ActionStatus state={action} testId="purchase-action-status" />
    </li>
  )
}

function offline(purchase: OwnedPurchase): boolean {
  return !!purchase.key && purchase.stored === 1
}

function deviceText(purchase: OwnedPurchase): string {
  if (purchase.state === 'refunded' || purchase.state === 'disputed') return 'Nothing to keep: the payment came back.'
  if (purchase.state === 'pending' || purchase.state === 'expired')
    return purchase.onDevice ? 'Bought on this device; no key yet.' : 'Bought on another device; no key yet.'
  if (!purchase.key) return 'Not on this device yet: restore your purchases to play it here.'
  if (purchase.stored === 1) return 'Stored on this device: the key and the whole file, so it plays offline.'
  if (purchase.stored !== undefined && purchase.stored > 0)
    return `Key on this device, ${Math.floor(purchase.stored * 100)}% of the file stored: the rest streams from peers.`
  return 'Key on this device: the file streams from peers when you play it.'
}
