'use client'

import { useEffect, useState } from 'react'
import { registerStreamWorker } from '@/lib/stream/registerStreamWorker'

/** Whether `/stream/...` URLs can be used in this page: the service worker controls it. */
export type StreamWorkerState = 'pending' | 'ready' | 'unavailable'

/** Registers the streaming service worker (once per tab) and says when it controls the page. */
export function useStreamWorker(): StreamWorkerState {
  const [state, setState] = useState<StreamWorkerState>('pending')
  useEffect(() => {
    let live = true
    registerStreamWorker()
      .then(() => live && setState(navigator.serviceWorker?.controller ? 'ready' : 'unavailable'))
      .catch((error: unknown) => {
        console.error('[keyswarm] service worker unavailable', error)
        if (live) setState('unavailable')
      })
    return () => {
      live = false
    }
  }, [])
  return state
}
