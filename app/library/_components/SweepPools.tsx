'use client'

import { useDeployment } from '@/components/chain/useDeployment'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { formatUnits } from 'viem'
import { useConfig, usePublicClient } from 'wagmi'
import { prepareWallet } from '@/lib/chain/prepareWallet'
import type { CreatorListing } from '@/lib/chain/readCreatorListings'
import { sweepPools } from '@/lib/chain/sweepPools'
import { tokenUnit } from '@/lib/chain/tokenUnit'
import { readSweepable } from '@/lib/receipts/readSweepable'
import { ActionStatus } from './ActionStatus'
import { useChainAction } from './useChainAction'
import { libraryQueryKey } from './libraryQueryKey'

/**
 * The seeding pools seeders left unclaimed once their claim window closed: what is left, and
 * "Sweep" for all of them (or per listing, `contentId` given), into the creator's balance.
 */
export function SweepPools({ listings, contentId }: { listings: readonly CreatorListing[]; contentId?: bigint }) {
  const config = useConfig()
  const deployment = useDeployment()
  const { chainId } = deployment
  const client = usePublicClient({ chainId })
  const queryClient = useQueryClient()
  const action = useChainAction()
  const mine = contentId === undefined ? listings : listings.filter((l) => l.contentId === contentId)
  const saleKey = mine.flatMap((l) => l.sales.map((s) => `${s.purchaseId}:${s.state}`)).join(',')
  const { data: sweepable } = useQuery({
    queryKey: [...libraryQueryKey, 'sweepable', chainId, String(contentId), saleKey],
    enabled: !!client,
    refetchInterval: 4000,
    queryFn: () => readSweepable(client!, { deployment, listings: mine }),
  })
  if (!sweepable?.length && action.status === 'idle') return null
  const totals = new Map<string, bigint>()
  for (const s of sweepable ?? []) totals.set(s.token, (totals.get(s.token) ?? 0n) + s.left)
  const described = [...totals]
    .map(([token, left]) => {
      const { symbol, decimals } = tokenUnit(token as `0x${string}`, deployment)
      return `${formatUnits(left, decimals)} ${symbol}`
    })
    .join(' and ')
  const ids = (sweepable ?? []).map((s) => s.purchaseId)
  const sweep = () =>
    action.run('Confirm the sweep in your wallet…', async () => {
      await prepareWallet(config, { chainId: deployment.chainId })
      const done = await sweepPools(config, { deployment, purchaseIds: ids })
      await queryClient.invalidateQueries({ queryKey: libraryQueryKey })
      return `Swept ${ids.length} seeding pool${ids.length === 1 ? '' : 's'} into your balance (${done.gasUsed} gas). Withdraw it above.`
    })
  return (
    <div
      className="space-y-2 rounded-xl border border-amber-200 p-3 text-sm dark:border-amber-900"
      data-testid="sweep-pools"
    >
      {ids.length > 0 && (
        <p>
          Seeders left {described} unclaimed in {ids.length} sale{ids.length === 1 ? '' : 's'} whose claim window has
          closed. It is yours to sweep.
        </p>
      )}
      {ids.length > 0 && (
        <button
          type="button"
          onClick={() => void sweep()}
          disabled={action.busy}
          className="rounded-lg bg-amber-600 px-3 py-1.5 font-medium text-white hover:bg-amber-500 disabled:opacity-50"
        >
          {action.busy ? 'Sweeping…' : contentId === undefined ? 'Sweep all' : 'Sweep'}
        </button>
      )}
      <ActionStatus state={action} testId="sweep-status" />
    </div>
  )
}
