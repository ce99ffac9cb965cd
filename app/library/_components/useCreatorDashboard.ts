'use client'

import { useQuery } from '@tanstack/react-query'
import type { Address } from 'viem'
import { usePublicClient } from 'wagmi'
import { readCreatorBalances } from '@/lib/chain/readCreatorBalances'
import { readCreatorListings } from '@/lib/chain/readCreatorListings'
import { requireDeployment } from '@/lib/chain/requireDeployment'
import { appConfig } from '@/lib/config'

/** The query key prefix of everything /library reads from the chain, to refresh it after an action. */
export const libraryQueryKey = ['keyswarm', 'library'] as const

/**
 * What `creator` sells on the app's chain: its listings with their sales, and its money per token.
 * Refreshed every few seconds (sales, deliveries and deadlines move on their own).
 */
export function useCreatorDashboard(creator: Address | undefined) {
  const chainId = appConfig.chains[0].id
  const client = usePublicClient({ chainId })
  return useQuery({
    queryKey: [...libraryQueryKey, 'creator', chainId, creator],
    enabled: !!client && !!creator,
    refetchInterval: 4000,
    queryFn: async () => {
      const deployment = requireDeployment(chainId)
      const listings = await readCreatorListings(client!, { deployment, creator: creator! })
      const balances = listings.length
        ? await readCreatorBalances(client!, { deployment, creator: creator!, listings })
        : []
      return { listings, balances }
    },
  })
}
