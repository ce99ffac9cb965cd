'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type { Hex } from 'viem'
import { useAccount, useConfig, usePublicClient } from 'wagmi'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import type { ListingState } from '@/lib/chain/readListing'
import { refundPurchase } from '@/lib/chain/refundPurchase'
import { requireDeployment } from '@/lib/chain/requireDeployment'
import { formatError } from '@/lib/formatError'
import { listPurchases } from '@/lib/purchases/listPurchases'
import { restorePurchases } from '@/lib/purchases/restorePurchases'
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
  /** The delivery deadline passed with no key: the buyer may take a refund. */
  refundable?: boolean
  /** What happened last, when it is not an error (a refund taken). */
  notice?: string
}

/** `PurchaseState.Expired` in the contract's enum: undelivered past the deadline. */
const EXPIRED = 2

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

  // While waiting for the key, watch the deadline: past it, offer the refund.
  const waitingFor = state.step === 'waiting' ? state.purchaseId : undefined
  useEffect(() => {
    if (waitingFor === undefined || !publicClient) return
    const deployment = requireDeployment(config.chains[0].id)
    const timer = setInterval(() => {
      publicClient
        .readContract({
          address: deployment.keyswarm,
          abi: keyswarmAbi,
          functionName: 'purchaseState',
          args: [waitingFor],
        })
        .then((value) => value === EXPIRED && setState((s) => ({ ...s, refundable: true })), console.error)
    }, 2000)
    return () => clearInterval(timer)
  }, [waitingFor, publicClient, config])

  const refund = useCallback(async () => {
    const purchaseId = state.purchaseId
    if (purchaseId === undefined) return
    controller.current?.abort()
    setState((s) => ({ ...s, step: 'refunding', refundable: false }))
    try {
      const { gasUsed } = await refundPurchase(config, {
        deployment: requireDeployment(config.chains[0].id),
        purchaseId,
      })
      setState({ notice: `Refunded: purchase #${purchaseId} was paid back to your wallet (${gasUsed} gas).` })
    } catch (error) {
      setState((s) => ({ ...s, step: undefined, refundable: true, error: formatError(error) }))
    }
  }, [config, state.purchaseId])

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
      // An abort is the refund taking over; the refund reports its own outcome.
      if (controller.current?.signal.aborted) return
      setState((s) => ({ ...s, step: undefined, error: formatError(error) }))
    }
  }, [config, listing, publicClient])

  const restore = useCallback(async () => {
    if (!listing || !publicClient) return
    setState({ step: 'sign' })
    try {
      const restored = await restorePurchases(config, publicClient, {
        deployment: requireDeployment(config.chains[0].id),
      })
      const owned = restored.find((r) => r.contentId === String(listing.contentId) && r.key)
      setState(owned ? { contentKey: owned.key } : { error: 'This account has no delivered purchase of this listing.' })
    } catch (error) {
      setState({ error: formatError(error) })
    }
  }, [config, listing, publicClient])

  return { ...state, unlock, restore, refund, busy: !!state.step }
}
