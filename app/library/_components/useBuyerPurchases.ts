'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { Address, Hex } from 'viem'
import { usePublicClient } from 'wagmi'
import { type BuyerPurchase, readBuyerPurchases } from '@/lib/chain/readBuyerPurchases'
import { useTargetDeployment } from '@/components/chain/useTargetDeployment'
import { listLibrary } from '@/lib/library/listLibrary'
import { onLibraryChange } from '@/lib/library/onLibraryChange'
import { browserKeystore } from '@/lib/keystore/browserKeystore'
import { storedBitfield } from '@/lib/torrent/storedBitfield'
import { libraryQueryKey } from './useCreatorDashboard'

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
 * each with its state on chain and what of it is on this device. Refreshed every few seconds and
 * whenever the torrent library changes.
 */
export function useBuyerPurchases(buyer: Address | undefined, { enabled = true }: { enabled?: boolean } = {}) {
  const { chainId, deployment } = useTargetDeployment()
  const client = usePublicClient({ chainId })
  const queryClient = useQueryClient()
  const queryKey = [...libraryQueryKey, 'buyer', chainId, buyer]
  useEffect(
    () => onLibraryChange(() => void queryClient.invalidateQueries({ queryKey: [...libraryQueryKey, 'buyer'] })),
    [queryClient],
  )
  return useQuery({
    queryKey,
    enabled: enabled && !!client && !!deployment,
    refetchInterval: 5000,
    queryFn: async ({ signal }): Promise<OwnedPurchase[]> => {
      const [records, entries] = await Promise.all([browserKeystore().listPurchases({ chainId }), listLibrary()])
      // Another account's purchases on this device stay out while a wallet is connected.
      const mine = records.filter((r) => !buyer || r.buyer.toLowerCase() === buyer.toLowerCase())
      const purchases = await readBuyerPurchases(client!, {
        deployment: deployment!,
        signal,
        buyer,
        purchaseIds: mine.map((r) => BigInt(r.purchaseId)),
      })
      return Promise.all(
        purchases.map(async (purchase) => {
          const record = mine.find((r) => r.purchaseId === String(purchase.purchaseId))
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
}

function countBits(bits: Uint8Array): number {
  let count = 0
  for (const byte of bits) for (let b = byte; b; b &= b - 1) count++
  return count
}
