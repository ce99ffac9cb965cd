'use client'

import { useEffect, useRef, useState } from 'react'
import { useAccount } from 'wagmi'
import { chainName } from '@/lib/chain/chainName'
import { getDeployment } from '@/lib/chain/deployments/index'
import { appChains } from '@/lib/config'

/** How long the notice stays, in milliseconds. */
const SHOWN_MS = 15_000

/**
 * A short notice under the header when the connected wallet moves to another chain where Keyswarm
 * is deployed while the page is open: the page follows it (see `useTargetDeployment`) and says so.
 * A move to a chain without a deployment is the `WrongChainBanner`'s to say.
 */
export function ChainSwitchNotice() {
  const { chainId } = useAccount()
  const previous = useRef(chainId)
  const [moved, setMoved] = useState<number>()
  useEffect(() => {
    const from = previous.current
    previous.current = chainId
    // The first chain a wallet reports (connecting, reconnecting) is not a move.
    if (from === undefined || chainId === undefined || from === chainId) return
    // A deployment the page does not run on (another stack's local chain) is not followed either.
    setMoved(appChains().some((chain) => chain.id === chainId) && getDeployment(chainId) ? chainId : undefined)
  }, [chainId])
  useEffect(() => {
    if (moved === undefined) return
    const timer = setTimeout(() => setMoved(undefined), SHOWN_MS)
    return () => clearTimeout(timer)
  }, [moved])
  if (moved === undefined) return null
  return (
    <div
      role="status"
      data-testid="chain-followed"
      data-chain-id={moved}
      className="border-b border-indigo-200 bg-indigo-50 text-indigo-900 dark:border-indigo-800/60 dark:bg-indigo-950/60 dark:text-indigo-100"
    >
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm">
        Your wallet moved to {chainName(moved)}: this page now shows Keyswarm on {chainName(moved)}.
      </p>
    </div>
  )
}
