'use client'

import { useAccount, useSwitchChain } from 'wagmi'
import { appConfig } from '@/lib/config'
import { useMounted } from '@/components/ui/useMounted'
import { formatError } from '@/lib/formatError'

/**
 * A banner under the header while the connected wallet is on a chain Keyswarm does not run on,
 * with one button to switch back. Switching can be refused in the wallet; that is said, not thrown.
 */
export function WrongChainBanner() {
  const { chainId, isConnected } = useAccount()
  const { switchChain, isPending, error } = useSwitchChain()
  const target = appConfig.chains[0]
  const mounted = useMounted()
  if (!mounted || !isConnected || chainId === undefined || appConfig.chains.some((chain) => chain.id === chainId)) return null
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/60 dark:text-amber-100">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-2.5 text-sm">
        <p className="flex-1">
          Your wallet is on chain {chainId}, but Keyswarm runs on <strong>{target.name}</strong> ({target.id}). Switch to
          keep going.
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
