'use client'

import { useDeployment } from '@/components/chain/useDeployment'
import { useQuery } from '@tanstack/react-query'
import { usePublicClient } from 'wagmi'
import { readListing } from '@/lib/chain/readListing'

/** One listing with its state now (price, active, counters), refreshed every few seconds. */
export function usePaidListing(contentId: bigint | undefined) {
  const deployment = useDeployment()
  const { chainId } = deployment
  const client = usePublicClient({ chainId })
  return useQuery({
    queryKey: ['keyswarm', 'listing', chainId, String(contentId)],
    enabled: !!client && contentId !== undefined,
    refetchInterval: 5000,
    queryFn: () => readListing(client!, { deployment, contentId: contentId! }),
  })
}
