'use client'

import { useAccount, useSwitchChain } from 'wagmi'
import { useTargetDeployment } from '@/components/chain/useTargetDeployment'
import { useMounted } from '@/components/ui/useMounted'
import { chainName } from '@/lib/chain/chainName'
import { getDeployment } from '@/lib/chain/deployments/index'
import { notDeployedError } from '@/lib/chain/notDeployedError'
import { homeChain } from '@/lib/chain/homeChain'
import { formatError } from '@/lib/formatError'

/**
 * A banner under the header while the connected wallet is on a chain where Keyswarm is not
 * deployed, in one sentence with one button to switch. On a chain the app does not run on at all,
 * the page keeps showing the home chain and says so; on one of its chains without a deployment,
 * the page follows the wallet and its parts say the same. Switching can be refused in the wallet;
 * that is said, not thrown.
 */
export function WrongChainBanner() {
  const { chainId, isConnected } = useAccount()
  const { chainId: shown } = useTargetDeployment()
  const { switchChain, isPending, error } = useSwitchChain()
  const mounted = useMounted()
  const target = homeChain()
  if (!mounted || !isConnected || chainId === undefined || getDeployment(chainId)) return null
  return (
    <div
      role="alert"
      data-testid="not-deployed-banner"
      data-chain-id={chainId}
      className="border-b border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-2.5 text-sm">
        <p className="flex-1">
          {notDeployedError(chainId).shortMessage}
          {shown !== chainId && ` This page shows ${chainName(shown)}.`}
          {error && <span className="block text-red-700 dark:text-red-300">{formatError(error)}</span>}
        </p>
        <button
          type="button"
          disabled={isPending}
          onClick={() => switchChain({ chainId: target.id })}
          className="rounded-lg bg-amber-600 px-3 py-1.5 font-medium text-white hover:bg-amber-500 disabled:opacity-60"
        >
          {isPending ? 'Check your wallet…' : `Switch to ${target.name}`}
        </button>
      </div>
    </div>
  )
}
