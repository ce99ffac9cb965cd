'use client'

import { useQueryClient } from '@tanstack/react-query'
import type { Address } from 'viem'
import { useConfig, usePublicClient } from 'wagmi'
import { useTargetDeployment } from '@/components/chain/useTargetDeployment'
import { requireDeployment } from '@/lib/chain/requireDeployment'
import { browserKeystore } from '@/lib/keystore/browserKeystore'
import { restorePurchases } from '@/lib/purchases/restorePurchases'
import { ActionStatus } from './ActionStatus'
import { BuyerPurchaseItem } from './BuyerPurchaseItem'
import { useBuyerPurchases } from './useBuyerPurchases'
import { useChainAction } from './useChainAction'
import { libraryQueryKey } from './libraryQueryKey'

/**
 * "What you bought": the purchases of the connected wallet and of this browser, newest first as
 * /library's scan reads them (its loading state and errors are LibraryView's), with Restore
 * purchases (one signature brings every purchase's key to this device). Hidden when there are none.
 */
export function BuyerSection({ buyer }: { buyer: Address | undefined }) {
  const { data } = useBuyerPurchases(buyer)
  const config = useConfig()
  const { chainId } = useTargetDeployment()
  const publicClient = usePublicClient({ chainId })
  const queryClient = useQueryClient()
  const action = useChainAction()
  if (!data || data.length === 0) return null
  const missing = data.filter((p) => (p.state === 'delivered' || p.state === 'settled') && !p.key).length

  const restore = () =>
    void action.run('Sign the account message in your wallet: it finds every purchase’s key again…', async () => {
      const restored = await restorePurchases(config, publicClient!, browserKeystore(), {
        deployment: requireDeployment(chainId),
      })
      await queryClient.invalidateQueries({ queryKey: libraryQueryKey })
      const keys = restored.filter((r) => r.key).length
      return `Restored ${restored.length} purchase${restored.length === 1 ? '' : 's'} on this device, ${keys} with ${keys === 1 ? 'its' : 'their'} key.`
    })

  return (
    <section aria-labelledby="bought" className="space-y-4" data-testid="buyer-section">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="bought" className="text-xl font-semibold tracking-tight">
            What you bought
          </h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {missing > 0
              ? `${missing} purchase${missing === 1 ? ' is' : 's are'} not on this device yet: one signature restores ${missing === 1 ? 'it' : 'them'}.`
              : 'Your purchases, their state on chain, and what this browser keeps of them.'}
          </p>
        </div>
        <button
          type="button"
          onClick={restore}
          disabled={action.busy || !buyer || !publicClient}
          title={buyer ? undefined : 'Connect the wallet you bought with'}
          className={
            missing > 0
              ? 'rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50'
              : 'rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-900'
          }
        >
          {action.busy ? 'Restoring…' : 'Restore purchases'}
        </button>
      </div>
      {!buyer && <p className="text-sm text-zinc-500">Connect the wallet you bought with to restore or refund.</p>}
      <ActionStatus state={action} testId="restore-status" />
      <ul className="space-y-3">
        {data.map((purchase) => (
          <BuyerPurchaseItem key={String(purchase.purchaseId)} purchase={purchase} />
        ))}
      </ul>
    </section>
  )
}
