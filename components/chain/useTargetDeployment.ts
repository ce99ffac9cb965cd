'use client'

import { useAccount } from 'wagmi'
import { type Deployment, getDeployment } from '@/lib/chain/deployments/index'
import { NotDeployedError } from '@/lib/chain/errors'
import { appConfig } from '@/lib/config'

/** Which chain the page reads, and Keyswarm's deployment there (see {@link useTargetDeployment}). */
export type TargetDeployment = {
  chainId: number
  /** Undefined where Keyswarm is not deployed; `error` says so. */
  deployment?: Deployment
  error?: NotDeployedError
}

/**
 * The chain the page reads and Keyswarm's deployment on it: the connected wallet's chain when the
 * app runs on it (so switching chains mid-page reads the new chain's deployment), else the app's
 * default chain. A chain without a deployment comes back with a `NotDeployedError` to show.
 */
export function useTargetDeployment(): TargetDeployment {
  const { chainId: connected } = useAccount()
  const chainId =
    connected !== undefined && appConfig.chains.some((chain) => chain.id === connected)
      ? connected
      : appConfig.chains[0].id
  const deployment = getDeployment(chainId)
  return { chainId, deployment, error: deployment ? undefined : new NotDeployedError(chainId) }
}
