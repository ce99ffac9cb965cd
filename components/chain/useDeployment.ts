'use client'

import type { Deployment } from '@/lib/chain/deployments/index'
import { homeChain } from '@/lib/chain/homeChain'
import { requireDeployment } from '@/lib/chain/requireDeployment'
import { useTargetDeployment } from './useTargetDeployment'

/**
 * Keyswarm's deployment on the chain the page reads (see {@link useTargetDeployment}), for parts
 * that only render where there is one. Where there is none, the page shows the `NotDeployedError`
 * sentence instead of those parts; until it does, they get the home chain's deployment.
 */
export function useDeployment(): Deployment {
  const { deployment } = useTargetDeployment()
  return deployment ?? requireDeployment(homeChain().id)
}
