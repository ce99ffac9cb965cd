'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import type { Address } from 'viem'
import { usePublicClient } from 'wagmi'
import { useTargetDeployment } from '@/components/chain/useTargetDeployment'
import { type LibrarySnapshot, readLibrary } from '@/lib/chain/readLibrary'
import { browserKeystore } from '@/lib/keystore/browserKeystore'
import { onLibraryChange } from '@/lib/library/onLibraryChange'
import { libraryQueryKey } from './libraryQueryKey'

/** Milliseconds between looks for new blocks once /library is read. */
const REFRESH_MS = 4000

/**
 * Everything /library reads from the chain the page reads, for `account` (as creator and as buyer)
 * and the purchases this browser holds: one query every section shares. The first read shows
 * what it has as the scan goes, newest first (`data.done` false until it reaches the deployment);
 * then a look every few seconds, which the log cache keeps to new blocks. A failed read keeps
 * what is shown (`error` beside `data`). A chain switch reads the new chain's deployment.
 */
export function useLibraryChain(account: Address | undefined, { enabled = true }: { enabled?: boolean } = {}) {
  const { chainId, deployment } = useTargetDeployment()
  const client = usePublicClient({ chainId })
  const queryClient = useQueryClient()
  const queryKey = useMemo(() => [...libraryQueryKey, 'chain', chainId, account] as const, [chainId, account])
  // A purchase made or restored on this device (here or in another tab) is one more to read; a read
  // under way is not restarted (torrents save their entries often), the next one picks it up.
  useEffect(
    () =>
      onLibraryChange(
        () => void queryClient.invalidateQueries({ queryKey: [...libraryQueryKey, 'chain'] }, { cancelRefetch: false }),
      ),
    [queryClient],
  )
  return useQuery({
    queryKey,
    enabled: enabled && !!client && !!deployment,
    refetchInterval: REFRESH_MS,
    // The reader already retries rate limits and transient failures with backoff; retrying it again
    // here would keep a down endpoint's sentence and Retry off the page for a minute.
    retry: false,
    queryFn: async ({ signal }): Promise<LibrarySnapshot> => {
      const records = await browserKeystore().listPurchases({ chainId })
      // Another account's purchases on this device stay out while a wallet is connected.
      const mine = records.filter((r) => !account || r.buyer.toLowerCase() === account.toLowerCase())
      const shown = queryClient.getQueryData<LibrarySnapshot>(queryKey)
      return readLibrary(client!, {
        deployment: deployment!,
        creator: account,
        buyer: account,
        purchaseIds: mine.map((r) => BigInt(r.purchaseId)),
        signal,
        // Only a first read shows itself as it goes: a refresh replaces a whole view with a whole view.
        onProgress: shown?.done ? undefined : (snapshot) => queryClient.setQueryData(queryKey, snapshot),
      })
    },
  })
}
