'use client'

import { useDeployment } from '@/components/chain/useDeployment'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import type { Hex } from 'viem'
import { useAccount, useConfig, usePublicClient } from 'wagmi'
import type { ListingState } from '@/lib/chain/readListing'
import { readPurchaseClock } from '@/lib/chain/readPurchaseClock'
import { readPurchaseState } from '@/lib/chain/readPurchaseState'
import { refundPurchase } from '@/lib/chain/refundPurchase'
import { requireDeployment } from '@/lib/chain/requireDeployment'
import { tokenUnit } from '@/lib/chain/tokenUnit'
import { formatError } from '@/lib/formatError'
import { browserKeystore } from '@/lib/keystore/browserKeystore'
import { canResume } from '@/lib/purchases/canResume'
import { checkListingSize } from '@/lib/purchases/checkListingSize'
import { describeWait } from '@/lib/purchases/describeWait'
import { findOpenPurchase } from '@/lib/purchases/findOpenPurchase'
import { initialUnlockState } from '@/lib/purchases/initialUnlockState'
import { receiveKey } from '@/lib/purchases/receiveKey'
import { restorePurchases } from '@/lib/purchases/restorePurchases'
import type { UnlockEvent } from '@/lib/purchases/unlockTypes'
import { unlockListing } from '@/lib/purchases/unlockListing'
import { unlockReducer } from '@/lib/purchases/unlockReducer'
import { unlockTimings } from '@/lib/purchases/unlockTimings'

/**
 * A listing's unlock for the page: the state of lib/purchases' `unlockReducer`, fed by thin reads
 * (the key this device holds, a purchase still open after a reload, the purchase's clock and
 * deadline while waiting) and three actions: `unlock`, `restore` and `refund`. While waiting,
 * `waitNote` says for how long and until when. The Unlock click is a User Timing mark
 * (`unlockTimings.click`).
 */
export function useUnlock(listing: ListingState | undefined) {
  const config = useConfig()
  const { address } = useAccount()
  const deployment = useDeployment()
  const chainId = listing ? deployment.chainId : undefined
  const publicClient = usePublicClient({ chainId })
  const [state, dispatch] = useReducer(unlockReducer, initialUnlockState)
  const contentId = listing?.contentId
  // The resume and the actions read the latest state and listing without re-running for them.
  const stateRef = useRef(state)
  const listingRef = useRef(listing)
  useEffect(() => {
    stateRef.current = state
    listingRef.current = listing
  })
  const controller = useRef<AbortController>(undefined)
  useEffect(() => () => controller.current?.abort(), [])

  // A key this device already holds for the listing (bought or restored here).
  const held = useQuery({
    queryKey: ['keystore', 'purchase-key', chainId, String(contentId), address],
    enabled: contentId !== undefined && chainId !== undefined,
    queryFn: async (): Promise<Hex | null> => {
      const records = await browserKeystore().listPurchases({ chainId: chainId!, contentId, buyer: address })
      return records.find((r) => r.key)?.key ?? null
    },
  })
  useEffect(() => {
    if (held.data) dispatch({ type: 'keyFound', contentKey: held.data })
  }, [held.data])

  // A purchase of this device still open on chain (the page was reloaded or closed while waiting):
  // show the wait again and carry on, without another click.
  const resumable = contentId !== undefined && chainId !== undefined && !!publicClient
  useEffect(() => {
    const current = listingRef.current
    if (!resumable || !current || !publicClient) return
    const resume = new AbortController()
    const send = (event: UnlockEvent) => !resume.signal.aborted && dispatch(event)
    ;(async () => {
      const open = await findOpenPurchase(publicClient, browserKeystore(), {
        deployment,
        contentId: current.contentId,
        infoHash: current.infoHash,
        buyer: address,
      })
      if (!open || resume.signal.aborted || !canResume(stateRef.current)) return
      const purchaseId = BigInt(open.record.purchaseId)
      const clock = { purchasedAt: open.purchasedAt, deliveryDeadline: open.deliveryDeadline }
      send({ type: 'resumed', purchaseId, clock, refundable: open.state === 'expired' })
      controller.current?.abort()
      controller.current = resume
      try {
        const contentKey = await receiveKey(config, publicClient, browserKeystore(), {
          deployment,
          listing: current,
          record: open.record,
          sessionSecret: open.sessionSecret,
          signal: resume.signal,
          onStep: (step) => send({ type: 'stepReached', step }),
          onRetry: (error) => send({ type: 'retrying', message: formatError(error) }),
        })
        send({ type: 'keyReceived', contentKey })
      } catch (error) {
        send({ type: 'failed', message: formatError(error) })
      }
    })().catch((error: unknown) => send({ type: 'failed', message: formatError(error) }))
    return () => resume.abort()
    // Resumes once per listing; a wallet connecting later also finds purchases this device has no record of.
  }, [resumable, contentId, publicClient, config, address, deployment])

  // While waiting for the key: the purchase's clock, and its deadline (past it, offer the refund).
  const waitingFor = state.step === 'waiting' ? state.purchaseId : undefined
  const clock = useQuery({
    queryKey: ['purchase-clock', chainId, String(waitingFor)],
    enabled: waitingFor !== undefined && !state.waiting && !!publicClient,
    queryFn: () =>
      readPurchaseClock(publicClient!, { deployment: requireDeployment(chainId!), purchaseId: waitingFor! }),
  })
  const chainState = useQuery({
    queryKey: ['purchase-state', chainId, String(waitingFor)],
    enabled: waitingFor !== undefined && !!publicClient,
    queryFn: () =>
      readPurchaseState(publicClient!, { deployment: requireDeployment(chainId!), purchaseId: waitingFor! }),
    refetchInterval: 2000,
  })
  useEffect(() => {
    if (clock.data) dispatch({ type: 'clockRead', clock: clock.data })
  }, [clock.data])
  useEffect(() => {
    if (chainState.data === 'expired') dispatch({ type: 'deadlinePassed' })
  }, [chainState.data])
  useEffect(() => {
    const error = clock.error ?? chainState.error
    if (error) console.error('[keyswarm] could not read the purchase’s clock', error)
  }, [clock.error, chainState.error])

  // The waiting line's clock: re-rendered every second while waiting.
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (waitingFor === undefined) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [waitingFor])

  const refund = useCallback(async () => {
    const purchaseId = stateRef.current.purchaseId
    if (purchaseId === undefined) return
    controller.current?.abort()
    dispatch({ type: 'refundClicked' })
    try {
      const { gasUsed } = await refundPurchase(config, {
        deployment,
        purchaseId,
      })
      dispatch({ type: 'refunded', purchaseId, gasUsed })
    } catch (error) {
      dispatch({ type: 'refundFailed', message: formatError(error) })
    }
  }, [config, deployment])

  const unlock = useCallback(async () => {
    if (!listing || !publicClient || stateRef.current.phase !== 'idle') return
    controller.current?.abort()
    const run = new AbortController()
    controller.current = run
    // An abort is the refund taking over; the refund reports its own outcome.
    const send = (event: UnlockEvent) => !run.signal.aborted && dispatch(event)
    performance.mark(unlockTimings.click)
    dispatch({ type: 'unlockClicked' })
    try {
      // Before paying: the torrent is what the listing says (its size sets every seeder's payout).
      send({ type: 'stepReached', step: 'verify' })
      await checkListingSize({ listing, signal: run.signal })
      const contentKey = await unlockListing(config, publicClient, browserKeystore(), {
        deployment,
        listing,
        signal: run.signal,
        onStep: (step) => send({ type: 'stepReached', step }),
        onPurchased: ({ purchaseId, gasUsed, approveGasUsed }) =>
          send({ type: 'purchased', purchaseId, gas: { purchase: gasUsed, approve: approveGasUsed } }),
        onRetry: (error) => send({ type: 'retrying', message: formatError(error) }),
      })
      send({ type: 'keyReceived', contentKey })
    } catch (error) {
      const unit = tokenUnit(listing.token, deployment)
      send({ type: 'failed', message: formatError(error, { unit }) })
    }
  }, [config, deployment, listing, publicClient])

  const restore = useCallback(async () => {
    if (!listing || !publicClient || stateRef.current.phase !== 'idle') return
    dispatch({ type: 'restoreClicked' })
    try {
      const restored = await restorePurchases(config, publicClient, browserKeystore(), { deployment })
      const owned = restored.find((r) => r.contentId === String(listing.contentId) && r.key)
      dispatch({ type: 'restored', contentKey: owned?.key })
    } catch (error) {
      dispatch({ type: 'failed', message: formatError(error) })
    }
  }, [config, deployment, listing, publicClient])

  const waitNote =
    state.step === 'waiting' && state.waiting
      ? describeWait(state.waiting, { now, refundable: state.refundable })
      : undefined
  return { ...state, waitNote, unlock, restore, refund, busy: !!state.step }
}
