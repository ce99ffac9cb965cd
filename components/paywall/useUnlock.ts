'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type { Hex } from 'viem'
import { useAccount, useConfig, usePublicClient } from 'wagmi'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import type { ListingState } from '@/lib/chain/readListing'
import { refundPurchase } from '@/lib/chain/refundPurchase'
import { requireDeployment } from '@/lib/chain/requireDeployment'
import { formatError } from '@/lib/formatError'
import { checkListingSize } from '@/lib/purchases/checkListingSize'
import { findOpenPurchase } from '@/lib/purchases/findOpenPurchase'
import { listPurchases } from '@/lib/purchases/listPurchases'
import { receiveKey } from '@/lib/purchases/receiveKey'
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
  /** While waiting for the key: when the purchase was mined and its delivery deadline (unix seconds, chain time). */
  waiting?: { purchasedAt: number; deliveryDeadline: number }
  /** The wait resumed a purchase made before this page loaded (a reload, another tab). */
  resumed?: boolean
  /** The last look at the chain failed and is being retried (the wait goes on). */
  retrying?: string
}

/** `PurchaseState.Expired` in the contract's enum: undelivered past the deadline. */
const EXPIRED = 2

/**
 * A listing's unlock: the key this device already holds for it (a purchase made or restored
 * here), a purchase of this device still waiting for its key (resumed after a reload), or the
 * whole purchase flow behind one button. While waiting, `waitNote` says for how long and until when.
 */
export function useUnlock(listing: ListingState | undefined) {
  const config = useConfig()
  const { address } = useAccount()
  const chainId = listing ? requireDeployment(config.chains[0].id).chainId : undefined
  const publicClient = usePublicClient({ chainId })
  const [state, setState] = useState<UnlockState>({})
  const stateRef = useRef(state)
  stateRef.current = state
  const controller = useRef<AbortController>(undefined)
  const contentId = listing?.contentId
  const listingRef = useRef(listing)
  listingRef.current = listing

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

  // A purchase of this device still open on chain (the page was reloaded or closed while waiting):
  // show the wait again and carry on, without another click.
  const resumable = contentId !== undefined && chainId !== undefined && !!publicClient
  useEffect(() => {
    const current = listingRef.current
    if (!resumable || !current || !publicClient) return
    const deployment = requireDeployment(config.chains[0].id)
    const resume = new AbortController()
    ;(async () => {
      const open = await findOpenPurchase(publicClient, {
        deployment,
        contentId: current.contentId,
        infoHash: current.infoHash,
        buyer: address,
      })
      if (!open || resume.signal.aborted) return
      const now = stateRef.current
      // A click on Unlock (or a key already here) wins over resuming; an earlier resume is taken over.
      if (now.contentKey || (now.step && !(now.resumed && now.step === 'waiting'))) return
      setState({
        step: 'waiting',
        resumed: true,
        purchaseId: BigInt(open.record.purchaseId),
        waiting: { purchasedAt: open.purchasedAt, deliveryDeadline: open.deliveryDeadline },
        refundable: open.state === 'expired',
      })
      controller.current?.abort()
      controller.current = resume
      try {
        const contentKey = await receiveKey(config, publicClient, {
          deployment,
          listing: current,
          record: open.record,
          sessionSecret: open.sessionSecret,
          signal: resume.signal,
          onStep: (step) => setState((s) => ({ ...s, step })),
          onRetry: (error) => setState((s) => ({ ...s, retrying: formatError(error) })),
        })
        setState((s) => ({ ...s, step: undefined, retrying: undefined, contentKey }))
      } catch (error) {
        if (resume.signal.aborted) return
        setState((s) => ({ ...s, step: undefined, error: formatError(error) }))
      }
    })().catch((error: unknown) => {
      if (!resume.signal.aborted) setState((s) => ({ ...s, error: formatError(error) }))
    })
    return () => resume.abort()
    // Resumes once per listing; a wallet connecting later also finds purchases this device has no record of.
  }, [resumable, contentId, publicClient, config, address])

  useEffect(() => () => controller.current?.abort(), [])

  // While waiting for the key, watch the deadline: past it, offer the refund.
  const waitingFor = state.step === 'waiting' ? state.purchaseId : undefined
  const knowsClock = !!state.waiting
  useEffect(() => {
    if (waitingFor === undefined || !publicClient) return
    const deployment = requireDeployment(config.chains[0].id)
    if (!knowsClock)
      publicClient
        .readContract({ address: deployment.keyswarm, abi: keyswarmAbi, functionName: 'purchases', args: [waitingFor] })
        .then(
          (info) =>
            setState((s) => ({
              ...s,
              waiting: { purchasedAt: Number(info.purchasedAt), deliveryDeadline: Number(info.deliveryDeadline) },
            })),
          console.error,
        )
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
  }, [waitingFor, knowsClock, publicClient, config])

  // The waiting line's clock: re-rendered every second while waiting.
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (waitingFor === undefined) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [waitingFor])

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
      await checkListingSize({ listing, signal: controller.current.signal })
      const contentKey = await unlockListing(config, publicClient, {
        deployment: requireDeployment(config.chains[0].id),
        listing,
        signal: controller.current.signal,
        onStep: (step) => setState((s) => ({ ...s, step })),
        onPurchased: ({ purchaseId, gasUsed, approveGasUsed }) =>
          setState((s) => ({ ...s, purchaseId, gas: { purchase: gasUsed, approve: approveGasUsed } })),
        onRetry: (error) => setState((s) => ({ ...s, retrying: formatError(error) })),
      })
      setState((s) => ({ ...s, step: undefined, retrying: undefined, contentKey }))
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

  const waitNote =
    state.step === 'waiting' && state.waiting ? describeWait(state.waiting, now, state.refundable) : undefined
  return { ...state, waitNote, unlock, restore, refund, busy: !!state.step }
}

/** "Waiting 0:42 since your purchase; the creator's agent has until 23:41 (58 min left) to deliver, else you get a refund." */
function describeWait(
  { purchasedAt, deliveryDeadline }: { purchasedAt: number; deliveryDeadline: number },
  now: number,
  refundable: boolean | undefined,
): string {
  const elapsed = Math.max(0, Math.floor(now / 1000) - purchasedAt)
  const left = deliveryDeadline - Math.floor(now / 1000)
  const clock = new Date(deliveryDeadline * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
  const since = `Waiting ${Math.floor(elapsed / 60)}:${String(elapsed % 60).padStart(2, '0')} since your purchase`
  if (refundable || left <= 0) return `${since}; the delivery deadline (${clock}) has passed: you can take a refund.`
  const remaining = left >= 120 ? `${Math.floor(left / 60)} min left` : `${left} s left`
  return `${since}; the creator’s agent has until ${clock} (${remaining}) to deliver, else you can take a refund.`
}
