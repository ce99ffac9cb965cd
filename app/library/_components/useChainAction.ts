'use client'

import { useCallback, useState } from 'react'
import { formatError } from '@/lib/formatError'

/** Where one creator or buyer action is: a sentence for each state. */
export type ChainActionState = { status: 'idle' | 'pending' | 'success' | 'error'; message?: string }

/**
 * Runs one wallet action at a time and keeps a sentence for it: `pending` while the wallet and the
 * chain work (the action may update it step by step), then what happened, or why it failed in
 * words (`formatError`: a refusal in the wallet, a wrong chain, a revert).
 */
export function useChainAction() {
  const [state, setState] = useState<ChainActionState>({ status: 'idle' })
  const run = useCallback(
    async (pending: string, action: (say: (message: string) => void) => Promise<string>): Promise<boolean> => {
      setState({ status: 'pending', message: pending })
      try {
        const done = await action((message) => setState({ status: 'pending', message }))
        setState({ status: 'success', message: done })
        return true
      } catch (error) {
        console.error('[keyswarm] library action failed', error)
        setState({ status: 'error', message: formatError(error) })
        return false
      }
    },
    [],
  )
  return { ...state, busy: state.status === 'pending', run }
}
