'use client'

import { useQuery } from '@tanstack/react-query'
import { usePublicClient } from 'wagmi'
import { readListings } from '@/lib/chain/readListings'
import { requireDeployment } from '@/lib/chain/requireDeployment'
import { appConfig } from '@/lib/config'

/** Every listing on the app's default chain, newest first, refreshed every few seconds. */
export function useListings() {
  const chainId = appConfig.chains[0].id
  const client = usePublicClient({ chainId })
  return useQuery({
    queryKey: ['keyswarm', 'listings', chainId],
    enabled: !!client,
    refetchInterval: 4000,
    queryFn: () => readListings(client!, { deployment: requireDeployment(chainId) }),
  })
}
