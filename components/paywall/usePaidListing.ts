'use client'

import { useQuery } from '@tanstack/react-query'
import { usePublicClient } from 'wagmi'
import { readListing } from '@/lib/chain/readListing'
import { requireDeployment } from '@/lib/chain/requireDeployment'
import { appConfig } from '@/lib/config'

/** One listing with its state now (price, active, counters), refreshed every few seconds. */
export function usePaidListing(contentId: bigint | undefined) {
  const chainId = appConfig.chains[0].id
  const client = usePublicClient({ chainId })
  return useQuery({
    queryKey: ['keyswarm', 'listing', chainId, String(contentId)],
    enabled: !!client && contentId !== undefined,
    refetchInterval: 5000,
    queryFn: () => readListing(client!, { deployment: requireDeployment(chainId), contentId: contentId! }),
  })
}
