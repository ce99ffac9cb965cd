'use client'

import { useDeployment } from '@/components/chain/useDeployment'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type Address, formatUnits, zeroAddress } from 'viem'
import { useConfig, usePublicClient } from 'wagmi'
import { tokenUnit } from '@/lib/chain/tokenUnit'
import { withdrawBalance } from '@/lib/chain/withdrawBalance'
import { estimateClaims } from '@/lib/receipts/estimateClaims'
import type { Earning } from '@/lib/receipts/readEarnings'
import { claimEarnings } from '@/lib/receipts/claimEarnings'
import { formatError } from '@/lib/formatError'
import { ActionStatus } from './ActionStatus'
import { useChainAction } from './useChainAction'
import { libraryQueryKey } from './libraryQueryKey'
import { useEarnings } from './useEarnings'

/**
 * "Earnings from seeding": the receipts this device holds for the connected wallet, per token —
 * how many, what they are worth, what is claimable now and what was claimed — with "Claim all"
 * (one `claimMany`, its gas shown first) and Withdraw. Shown once there is a receipt.
 */
export function EarningsSection({ seeder }: { seeder: Address }) {
  const { data, error } = useEarnings(seeder)
  if (error)
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        Your seeding receipts could not be valued on chain: {formatError(error)}
      </p>
    )
  if (!data || data.earnings.length === 0) return null
  const tokens = [...new Set(data.earnings.map((e) => e.token))]
  return (
    <section aria-labelledby="earnings" className="space-y-4" data-testid="earnings-section">
      <div>
        <h2 id="earnings" className="text-xl font-semibold tracking-tight">
          Earnings from seeding
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Buyers you served signed receipts for the bytes they got from you. Each pays its share of the sale’s seeding
          pool once the sale is final, until its claim window closes.
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {tokens.map((token) => (
          <EarningsCard
            key={token}
            seeder={seeder}
            token={token}
            earnings={data.earnings.filter((e) => e.token === token)}
            withdrawable={data.balances.find((b) => b.token === token)?.withdrawable ?? 0n}
          />
        ))}
      </div>
    </section>
  )
}

type EarningsCardProps = { seeder: Address; token: Address; earnings: Earning[]; withdrawable: bigint }

function EarningsCard({ seeder, token, earnings, withdrawable }: EarningsCardProps) {
  const config = useConfig()
  const deployment = useDeployment()
  const { chainId } = deployment
  const client = usePublicClient({ chainId })
  const queryClient = useQueryClient()
  const claimAction = useChainAction()
  const withdrawAction = useChainAction()
  const { symbol, decimals } = tokenUnit(token, deployment)
  const amount = (value: bigint) => `${formatUnits(value, decimals)} ${symbol}`
  const sum = (list: Earning[], pick: (e: Earning) => bigint) => list.reduce((total, e) => total + pick(e), 0n)
  const claimable = earnings.filter((e) => e.status === 'claimable')
  const open = earnings.filter((e) => e.status === 'claimable' || e.status === 'waiting')
  const claimableValue = sum(claimable, (e) => e.value)
  const claimKey = claimable.map((e) => `${e.receipt.purchaseId}:${e.receipt.bytes}`).join(',')

  const estimate = useQuery({
    queryKey: [...libraryQueryKey, 'claim-gas', chainId, seeder, claimKey],
    enabled: !!client && claimable.length > 0,
    queryFn: () => estimateClaims(client!, { deployment, account: seeder, receipts: claimable.map((e) => e.receipt) }),
  })
  // Only ETH fees compare with ETH earnings; a token's worth in ETH is not known here.
  const notWorth = token === zeroAddress && !!estimate.data && estimate.data.fee >= claimableValue

  const claimAll = () =>
    claimAction.run(
      `Confirm claiming ${claimable.length} receipt${claimable.length === 1 ? '' : 's'} in your wallet…`,
      async () => {
        const done = await claimEarnings(config, { deployment, receipts: claimable.map((e) => e.receipt) })
        await queryClient.invalidateQueries({ queryKey: libraryQueryKey })
        return `Claimed ${amount(done.claimed)} into your balance (${done.gasUsed} gas). Withdraw it to your wallet.`
      },
    )
  const withdraw = () =>
    withdrawAction.run('Confirm the withdrawal in your wallet…', async () => {
      const done = await withdrawBalance(config, { deployment, token })
      await queryClient.invalidateQueries({ queryKey: libraryQueryKey })
      return `Withdrawn: ${amount(done.withdrawn)} sent to your wallet (${done.gasUsed} gas).`
    })

  return (
    <section
      className="space-y-3 rounded-2xl border border-zinc-200 p-4 dark:border-zinc-800"
      data-testid="earnings-card"
      data-token={token}
      data-receipts={earnings.length}
      data-bytes={String(sum(open, (e) => BigInt(e.receipt.bytes)))}
      data-value={String(sum(open, (e) => e.value))}
      data-claimable={String(claimableValue)}
      data-claimed={String(sum(earnings, (e) => e.claimed))}
      data-withdrawable={String(withdrawable)}
      aria-label={`Seeding earnings in ${symbol}`}
    >
      <h3 className="font-medium">{symbol}</h3>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
        <dt className="text-zinc-500">Receipts held</dt>
        <dd className="text-right tabular-nums">{earnings.length}</dd>
        <dt className="text-zinc-500" title="What the receipts not yet claimed pay, once their sales are final">
          Value, unclaimed
        </dt>
        <dd className="text-right tabular-nums">{amount(sum(open, (e) => e.value))}</dd>
        <dt className="text-zinc-500">Claimable now</dt>
        <dd className="text-right tabular-nums" data-testid="earnings-claimable">
          {amount(claimableValue)}
        </dd>
        <dt className="text-zinc-500">Claimed</dt>
        <dd className="text-right tabular-nums">{amount(sum(earnings, (e) => e.claimed))}</dd>
        <dt className="text-zinc-500">Withdrawable</dt>
        <dd className="text-right tabular-nums" data-testid="earnings-withdrawable">
          {amount(withdrawable)}
        </dd>
      </dl>
      {claimable.length > 0 && (
        <p className="text-xs text-zinc-500" data-testid="claim-estimate">
          {estimate.data
            ? `Claiming ${claimable.length} receipt${claimable.length === 1 ? '' : 's'} in one transaction costs about ${formatUnits(estimate.data.fee, 18)} ETH (${estimate.data.gas} gas).`
            : estimate.error
              ? `The claim’s gas could not be estimated: ${formatError(estimate.error)}`
              : 'Estimating the claim’s gas…'}
          {notWorth && ' That is more than the receipts pay: wait for more of them before claiming.'}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => void claimAll()}
          disabled={claimAction.busy || claimable.length === 0 || notWorth}
          className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
        >
          {claimAction.busy ? 'Claiming…' : 'Claim all'}
        </button>
        <button
          type="button"
          onClick={() => void withdraw()}
          disabled={withdrawAction.busy || withdrawable === 0n}
          className="rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
        >
          {withdrawAction.busy ? 'Withdrawing…' : `Withdraw ${symbol}`}
        </button>
      </div>
      <ActionStatus state={claimAction} testId="claim-status" />
      <ActionStatus state={withdrawAction} testId="earnings-withdraw-status" />
    </section>
  )
}
