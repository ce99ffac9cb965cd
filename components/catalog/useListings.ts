'use client'

import { useCallback, useEffect, useState } from 'react'
import { usePublicClient } from 'wagmi'
import { useTargetDeployment } from '@/components/chain/useTargetDeployment'
import type { Deployment } from '@/lib/chain/deployments/index'
import { type ListedListing, readListings } from '@/lib/chain/readListings'

/** What {@link useListings} knows so far. */
export type ListingsState = {
  /** Every listing read so far, newest first; kept when a later read fails. */
  listings: ListedListing[]
  /** Still reading: older listings may yet arrive. */
  loading: boolean
  /** The last read failed (shown with a Retry); cleared by the next good read. */
  error?: unknown
  /** Reads again at once. */
  retry: () => void
  chainId: number
  deployment?: Deployment
}

/** Milliseconds between looks for new listings once the catalog is read. */
const REFRESH_MS = 4000

/**
 * The catalog of the chain the page reads, newest first, as it arrives: pages of listings from
 * the newest block range back, then a look for new blocks every few seconds (the log cache makes
 * those, and a returning visit, read only new blocks). A failed read keeps what is shown. A chain
 * switch starts over on the new chain's deployment.
 */
export function useListings(): ListingsState {
  const { chainId, deployment } = useTargetDeployment()
  const client = usePublicClient({ chainId })
  const [attempt, setAttempt] = useState(0)
  const [state, setState] = useState<{ chainId: number; listings: ListedListing[]; loading: boolean; error?: unknown }>(
    { chainId, listings: [], loading: true },
  )
  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  useEffect(() => {
    if (!client || !deployment) return
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    setState((s) =>
      s.chainId === chainId ? { ...s, loading: true, error: undefined } : { chainId, listings: [], loading: true },
    )
    const read = async () => {
      try {
        const listings = await readListings(client, {
          deployment,
          signal: controller.signal,
          onPage: (page) => {
            if (page.length === 0 || controller.signal.aborted) return
            setState((s) => ({ ...s, listings: mergeListings(s.listings, page) }))
          },
        })
        if (controller.signal.aborted) return
        setState({ chainId, listings, loading: false })
      } catch (error) {
        if (controller.signal.aborted) return
        setState((s) => ({ ...s, loading: false, error }))
      }
      // Keep looking for new listings; after a failure too, so a short outage heals by itself.
      timer = setTimeout(read, REFRESH_MS)
    }
    void read()
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [client, deployment, chainId, attempt])

  const current = state.chainId === chainId ? state : { listings: [], loading: true }
  return { ...current, retry, chainId, deployment }
}

function mergeListings(shown: readonly ListedListing[], page: readonly ListedListing[]): ListedListing[] {
  const byId = new Map(shown.map((l) => [l.contentId, l]))
  for (const l of page) byId.set(l.contentId, l)
  return [...byId.values()].sort((a, b) => (a.contentId < b.contentId ? 1 : -1))
}
