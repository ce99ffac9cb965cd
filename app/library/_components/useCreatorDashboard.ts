'use client'

import type { Address } from 'viem'
import { useLibraryChain } from './useLibraryChain'

/**
 * What `creator` sells on the chain the page reads: its listings with their sales, newest first
 * as they are read, and its money per token; `done` once the read reached the deployment. From
 * the one /library query ({@link useLibraryChain}), refreshed every few seconds.
 */
export function useCreatorDashboard(creator: Address | undefined) {
  const query = useLibraryChain(creator, { enabled: !!creator })
  const { data } = query
  return {
    ...query,
    data: data && { listings: data.listings, balances: data.balances, done: data.done },
  }
}
