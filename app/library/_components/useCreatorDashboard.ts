'use client'

import { useQuery } from '@tanstack/react-query'
import type { Address } from 'viem'
import { usePublicClient } from 'wagmi'
import { readCreatorBalances } from '@/lib/chain/readCreatorBalances'
import { readCreatorListings } from '@/lib/chain/readCreatorListings'
import { useTargetDeployment } from '@/components/chain/useTargetDeployment'

/** The query key prefix of everything /library reads from the chain, to refresh it after an action. */
export const libraryQueryKey = ['keyswarm', 'library'] as const

/**
 * What `creator` sells on the app's chain: its listings with their sales, and its money per token.
 * Refreshed every few seconds (sales, deliveries and deadlines move on their own); the log cache
 * makes each refresh read only new blocks. Follows the connected chain (see `useTargetDeployment`).
 */
export function useCreatorDashboard(creator: Address | undefined) {
  const { chainId, deployment } = useTargetDeployment()
  const client = usePublicClient({ chainId })
  return useQuery({
    queryKey: [...libraryQueryKey, 'creator', chainId, creator],
    enabled: !!client && !!creator && !!deployment,
    refetchInterval: 4000,
    queryFn: async ({ signal }) => {
      const listings = await readCreatorListings(client!, { deployment: deployment!, creator: creator!, signal })
      const balances = listings.length
        ? await readCreatorBalances(client!, { deployment: deployment!, creator: creator!, listings })
        : []
      return { listings, balances }
    },
  })
}
