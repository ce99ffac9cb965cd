'use client'

import { useAccount } from 'wagmi'
import { type Deployment, getDeployment } from '@/lib/chain/deployments/index'
import type { NotDeployedError } from '@/lib/chain/errors'
import { notDeployedError } from '@/lib/chain/notDeployedError'
import { homeChain } from '@/lib/chain/homeChain'
import { appChains } from '@/lib/config'

/** Which chain the page reads, and Keyswarm's deployment there (see {@link useTargetDeployment}). */
export type TargetDeployment = {
  chainId: number
  /** Undefined where Keyswarm is not deployed; `error` says so. */
  deployment?: Deployment
  error?: NotDeployedError
}

/**
 * The chain the page reads and Keyswarm's deployment on it: the connected wallet's chain when the
 * app runs on it (so switching chains mid-page reads the new chain's deployment), else the home
 * chain (the first with a deployment; `WrongChainBanner` says the page shows it). One of the app's
 * chains without a deployment comes back with a `NotDeployedError` to show instead of its parts.
 */
export function useTargetDeployment(): TargetDeployment {
  const { chainId: connected } = useAccount()
  const chainId =
    connected !== undefined && appChains().some((chain) => chain.id === connected)
      ? connected
      : homeChain().id
  const deployment = getDeployment(chainId)
  return { chainId, deployment, error: deployment ? undefined : notDeployedError(chainId) }
}
