'use client'

import { useDeployment } from '@/components/chain/useDeployment'
import { useQueryClient } from '@tanstack/react-query'
import { formatUnits } from 'viem'
import { useConfig } from 'wagmi'
import type { CreatorBalance } from '@/lib/chain/readCreatorBalances'
import { tokenUnit } from '@/lib/chain/tokenUnit'
import { withdrawBalance } from '@/lib/chain/withdrawBalance'
import { ActionStatus } from './ActionStatus'
import { useChainAction } from './useChainAction'
import { libraryQueryKey } from './libraryQueryKey'

/** The creator's revenue, one card per token: withdrawable, to settle, in escrow; and Withdraw. */
export function CreatorBalances({ balances }: { balances: readonly CreatorBalance[] }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2" data-testid="creator-balances">
      {balances.map((balance) => (
        <BalanceCard key={balance.token} balance={balance} />
      ))}
    </div>
  )
}

function BalanceCard({ balance }: { balance: CreatorBalance }) {
  const config = useConfig()
  const queryClient = useQueryClient()
  const action = useChainAction()
  const deployment = useDeployment()
  const { symbol, decimals } = tokenUnit(balance.token, deployment)
  const amount = (value: bigint) => `${formatUnits(value, decimals)} ${symbol}`
  const ready = balance.withdrawable + balance.settleable

  const withdraw = () =>
    action.run(
      balance.settleIds.length
        ? `Confirm in your wallet: settle ${balance.settleIds.length} finished sale${balance.settleIds.length === 1 ? '' : 's'}, then withdraw…`
        : 'Confirm the withdrawal in your wallet…',
      async (say) => {
        const done = await withdrawBalance(config, {
          deployment,
          token: balance.token,
          settle: balance.settleIds,
          onStep: (step) =>
            say(
              step === 'settle'
                ? 'Settling finished sales on chain (step 1 of 2): confirm in your wallet…'
                : balance.settleIds.length
                  ? 'Settled. Now confirm the withdrawal in your wallet (step 2 of 2)…'
                  : 'Confirm the withdrawal in your wallet…',
            ),
        })
        await queryClient.invalidateQueries({ queryKey: libraryQueryKey })
        return `Withdrawn: ${amount(done.withdrawn)} sent to your wallet (${done.gasUsed} gas).`
      },
    )

  return (
    <section
      className="space-y-3 rounded-2xl border border-zinc-200 p-4 dark:border-zinc-800"
      data-testid="creator-balance"
      data-token={balance.token}
      data-withdrawable={String(balance.withdrawable)}
      data-settleable={String(balance.settleable)}
      data-in-escrow={String(balance.inEscrow)}
      aria-label={`Revenue in ${symbol}`}
    >
      <div className="flex items-baseline justify-between gap-3">
        <h3 className="font-medium">{symbol}</h3>
        <span className="text-2xl font-semibold tabular-nums" data-testid="balance-ready">
          {amount(ready)}
        </span>
      </div>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
        <dt className="text-zinc-500">Withdrawable now</dt>
        <dd className="text-right tabular-nums">{amount(balance.withdrawable)}</dd>
        <dt
          className="text-zinc-500"
          title="Sales past their dispute window: one settle transaction makes them withdrawable"
        >
          Final, to settle
        </dt>
        <dd className="text-right tabular-nums">{amount(balance.settleable)}</dd>
        <dt className="text-zinc-500" title="Sales waiting for their key or still inside the buyer’s dispute window">
          Still in escrow
        </dt>
        <dd className="text-right tabular-nums">{amount(balance.inEscrow)}</dd>
      </dl>
      <p className="text-xs text-zinc-500">
        Shown after the seeders’ share of each sale. Money stays in escrow until the buyer’s dispute window closes
        {balance.settleable > 0n && '; withdrawing settles the finished sales first (one more transaction)'}.
      </p>
      <button
        type="button"
        onClick={() => void withdraw()}
        disabled={action.busy || ready === 0n}
        className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
      >
        {action.busy ? 'Withdrawing…' : `Withdraw ${symbol}`}
      </button>
      <ActionStatus state={action} testId="withdraw-status" />
    </section>
  )
}
