'use client'

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { Address, Hex } from 'viem'
import { useTargetDeployment } from '@/components/chain/useTargetDeployment'
import type { BuyerPurchase } from '@/lib/chain/readBuyerPurchases'
import { listLibrary } from '@/lib/library/listLibrary'
import { onLibraryChange } from '@/lib/library/onLibraryChange'
import { browserKeystore } from '@/lib/keystore/browserKeystore'
import { storedBitfield } from '@/lib/torrent/storedBitfield'
import { libraryQueryKey } from './libraryQueryKey'
import { useLibraryChain } from './useLibraryChain'

/** A purchase with what this device holds of it. */
export type OwnedPurchase = BuyerPurchase & {
  /** The verified content key, when this device holds it (IndexedDB). */
  key?: Hex
  /** Whether this device knows the purchase at all (made or restored here). */
  onDevice: boolean
  /** Share of the ciphertext stored in this browser (OPFS), 0 to 1; undefined when it is not in the library. */
  stored?: number
}

/**
 * The purchases of the connected wallet (its `Purchased` events) and those this browser holds,
 * each with its state on chain (from the one /library query, {@link useLibraryChain}: newest
 * first as they are read) and what of it is on this device, read again whenever the torrent
 * library changes. `error`, `isFetching` and `refetch` are the chain read's.
 */
export function useBuyerPurchases(buyer: Address | undefined, { enabled = true }: { enabled?: boolean } = {}) {
  const { chainId } = useTargetDeployment()
  const chain = useLibraryChain(buyer, { enabled })
  const queryClient = useQueryClient()
  useEffect(
    () => onLibraryChange(() => void queryClient.invalidateQueries({ queryKey: [...libraryQueryKey, 'buyer'] })),
    [queryClient],
  )
  const purchases = chain.data?.purchases
  const device = useQuery({
    queryKey: [...libraryQueryKey, 'buyer', chainId, buyer, chain.dataUpdatedAt],
    enabled: !!purchases,
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<OwnedPurchase[]> => {
      const [records, entries] = await Promise.all([browserKeystore().listPurchases({ chainId }), listLibrary()])
      return Promise.all(
        purchases!.map(async (purchase) => {
          const record = records.find((r) => r.purchaseId === String(purchase.purchaseId))
          const entry = purchase.listing && entries.find((e) => e.infoHash === purchase.listing!.infoHash)
          let stored: number | undefined
          if (entry) {
            const bits = entry.pieceCount ? await storedBitfield(entry) : undefined
            stored = bits ? countBits(bits) / entry.pieceCount! : 0
          }
          return { ...purchase, key: record?.key, onDevice: !!record, stored }
        }),
      )
    },
  })
  return {
    data: device.data,
    done: !!chain.data?.done,
    error: chain.error ?? device.error,
    isFetching: chain.isFetching,
    refetch: chain.refetch,
  }
}

function countBits(bits: Uint8Array): number {
  let count = 0
  for (const byte of bits) for (let b = byte; b; b &= b - 1) count++
  return count
}
