'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type { Hex } from 'viem'
import { useAccount, useConfig, usePublicClient } from 'wagmi'
import type { ListingState } from '@/lib/chain/readListing'
import { requireDeployment } from '@/lib/chain/requireDeployment'
import { formatError } from '@/lib/formatError'
import { listPurchases } from '@/lib/purchases/listPurchases'
import { type UnlockStep, unlockListing } from '@/lib/purchases/unlockListing'

/** Where an unlock is, as the page shows it. */
export type UnlockState = {
  step?: UnlockStep
  /** The verified content key: play. */
  contentKey?: Hex
  error?: string
  purchaseId?: bigint
  gas?: { purchase: bigint; approve: bigint }
  /** `performance.now()` when Unlock was clicked, for the time-to-first-frame measure. */
  startedAt?: number
}

/**
 * A listing's unlock: the key this device already holds for it (a purchase made or restored
 * here), or the whole purchase flow behind one button.
 */
export function useUnlock(listing: ListingState | undefined) {
  const config = useConfig()
  const { address } = useAccount()
  const chainId = listing ? requireDeployment(config.chains[0].id).chainId : undefined
  const publicClient = usePublicClient({ chainId })
  const [state, setState] = useState<UnlockState>({})
  const controller = useRef<AbortController>(undefined)
  const contentId = listing?.contentId

  useEffect(() => {
    if (contentId === undefined || chainId === undefined) return
    let live = true
    listPurchases({ chainId, contentId, buyer: address }).then((records) => {
      const owned = records.find((r) => r.key)
      if (live && owned?.key) setState((s) => (s.contentKey ? s : { contentKey: owned.key }))
    }, console.error)
    return () => {
      live = false
    }
  }, [contentId, chainId, address])

  useEffect(() => () => controller.current?.abort(), [])

  const unlock = useCallback(async () => {
    if (!listing || !publicClient) return
    controller.current?.abort()
    controller.current = new AbortController()
    const startedAt = performance.now()
    setState({ startedAt, step: 'connect' })
    try {
      const contentKey = await unlockListing(config, publicClient, {
        deployment: requireDeployment(config.chains[0].id),
        listing,
        signal: controller.current.signal,
        onStep: (step) => setState((s) => ({ ...s, step })),
        onPurchased: ({ purchaseId, gasUsed, approveGasUsed }) =>
          setState((s) => ({ ...s, purchaseId, gas: { purchase: gasUsed, approve: approveGasUsed } })),
      })
      setState((s) => ({ ...s, step: undefined, contentKey }))
    } catch (error) {
      setState((s) => ({ ...s, step: undefined, error: formatError(error) }))
    }
  }, [config, listing, publicClient])

  return { ...state, unlock, busy: !!state.step }
}
