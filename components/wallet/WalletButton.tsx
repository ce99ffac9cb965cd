'use client'

import { ConnectButton } from '@rainbow-me/rainbowkit'
import { useMounted } from '@/components/ui/useMounted'

const button =
  'inline-flex h-9 items-center gap-2 rounded-lg px-3 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-indigo-500'

/**
 * The header's wallet control, on RainbowKit's modals: connect, then the chain, balance and
 * address; a red "Wrong network" when the wallet is on a chain Keyswarm does not run on.
 */
export function WalletButton() {
  const mounted = useMounted()
  if (!mounted) return <div className="h-9 w-32" aria-hidden />
  return (
    <ConnectButton.Custom>
      {({ account, chain, mounted, openAccountModal, openChainModal, openConnectModal }) => {
        if (!mounted) return <div className="h-9 w-32" aria-hidden />
        if (!account || !chain)
          return (
            <button type="button" onClick={openConnectModal} className={`${button} bg-indigo-600 text-white hover:bg-indigo-500`}>
              Connect wallet
            </button>
          )
        if (chain.unsupported)
          return (
            <button type="button" onClick={openChainModal} className={`${button} bg-red-600 text-white hover:bg-red-500`}>
              Wrong network
            </button>
          )
        return (
          <div className="flex items-center gap-2" data-testid="wallet-status">
            <button
              type="button"
              onClick={openChainModal}
              className={`${button} hidden bg-zinc-200/70 text-zinc-700 hover:bg-zinc-300/70 sm:inline-flex dark:bg-zinc-800 dark:text-zinc-200 dark:hover:bg-zinc-700`}
            >
              {chain.name}
            </button>
            <button
              type="button"
              onClick={openAccountModal}
              className={`${button} bg-zinc-200/70 text-zinc-800 hover:bg-zinc-300/70 dark:bg-zinc-800 dark:text-zinc-100 dark:hover:bg-zinc-700`}
            >
              {account.displayBalance && (
                <span data-testid="wallet-balance" className="tabular-nums text-zinc-500 dark:text-zinc-400">
                  {account.displayBalance}
                </span>
              )}
              <span data-testid="wallet-address" data-address={account.address} className="font-mono">
                {account.displayName}
              </span>
            </button>
          </div>
        )
      }}
    </ConnectButton.Custom>
  )
}
