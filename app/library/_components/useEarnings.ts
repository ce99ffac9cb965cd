'use client'

import { useDeployment } from '@/components/chain/useDeployment'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { Address } from 'viem'
import { usePublicClient } from 'wagmi'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import { listReceipts } from '@/lib/receipts/listReceipts'
import { readEarnings } from '@/lib/receipts/readEarnings'
import { RECEIPTS_CHANNEL } from '@/lib/receipts/receiveReceipt'
import { libraryQueryKey } from './libraryQueryKey'

/**
 * What `seeder` earned from seeding, from the receipts this device holds: each receipt's worth on
 * chain, and the seeder's withdrawable balance per token those receipts pay in. Refreshed every
 * few seconds and whenever a tab keeps a new receipt.
 */
export function useEarnings(seeder: Address | undefined) {
  const deployment = useDeployment()
  const { chainId } = deployment
  const client = usePublicClient({ chainId })
  const queryClient = useQueryClient()
  const queryKey = [...libraryQueryKey, 'earnings', chainId, seeder]

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return
    const channel = new BroadcastChannel(RECEIPTS_CHANNEL)
    channel.onmessage = () => void queryClient.invalidateQueries({ queryKey: [...libraryQueryKey, 'earnings'] })
    return () => channel.close()
  }, [queryClient])

  return useQuery({
    queryKey,
    enabled: !!client && !!seeder,
    refetchInterval: 4000,
    queryFn: async () => {
      const receipts = await listReceipts({ chainId, seeder })
      const earnings = receipts.length ? await readEarnings(client!, { deployment, receipts }) : []
      const tokens = [...new Set(earnings.map((e) => e.token))]
      const balances = await Promise.all(
        tokens.map(async (token) => ({
          token,
          withdrawable: await client!.readContract({
            address: deployment.keyswarm,
            abi: keyswarmAbi,
            functionName: 'balanceOf',
            args: [seeder!, token],
          }),
        })),
      )
      return { earnings, balances }
    },
  })
}
