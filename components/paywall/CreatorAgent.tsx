'use client'

import { useCreatorAgent } from './useCreatorAgent'

/** A one-line status of the creator's in-tab delivery agent; renders nothing for non-creators. */
export function CreatorAgent() {
  const { status, agent, listings, delivered, lastGas, error } = useCreatorAgent()
  if (status === 'idle' && !error) return null
  return (
    <div data-testid="agent-status" data-delivered={delivered} className="mb-6 rounded-lg border border-zinc-200 px-4 py-2 text-sm dark:border-zinc-800">
      {status === 'unauthorized' && <>Your delivery agent {agent} is not authorized yet: publishing a listing authorizes it.</>}
      {status === 'running' && (
        <>
          Delivery agent on: watching {listings} listing{listings === 1 ? '' : 's'}, {delivered} key{delivered === 1 ? '' : 's'} delivered
          {lastGas !== undefined && ` (last batch ${lastGas} gas)`}.
        </>
      )}
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  )
}
