'use client'

import { useAccount } from 'wagmi'
import { exportAgentSecrets } from '@/lib/agent/exportAgentSecrets'
import { appConfig } from '@/lib/config'
import { useCreatorAgent } from './useCreatorAgent'

/** Saves the agent secrets for `npm run agent` as a JSON file the creator keeps private. */
async function downloadAgentSecrets(creator: `0x${string}`) {
  const secrets = await exportAgentSecrets({ chainId: appConfig.chains[0].id, creator })
  const url = URL.createObjectURL(new Blob([JSON.stringify(secrets, null, 2)], { type: 'application/json' }))
  const link = Object.assign(document.createElement('a'), { href: url, download: 'keyswarm-agent-secrets.json' })
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A one-line status of the creator's in-tab delivery agent; renders nothing for non-creators. */
export function CreatorAgent() {
  const { status, agent, listings, delivered, lastGas, error } = useCreatorAgent()
  const { address } = useAccount()
  if (status === 'idle' && !error) return null
  return (
    <div
      data-testid="agent-status"
      data-delivered={delivered}
      className="mb-6 rounded-lg border border-zinc-200 px-4 py-2 text-sm dark:border-zinc-800"
    >
      {status === 'unauthorized' && (
        <>Your delivery agent {agent} is not authorized yet: publishing a listing authorizes it.</>
      )}
      {status === 'running' && (
        <>
          Delivery agent on: watching {listings} listing{listings === 1 ? '' : 's'}, {delivered} key
          {delivered === 1 ? '' : 's'} delivered
          {lastGas !== undefined && ` (last batch ${lastGas} gas)`}.{' '}
          {address && (
            <button
              type="button"
              className="underline"
              onClick={() => void downloadAgentSecrets(address).catch(console.error)}
            >
              Export agent secrets for npm run agent
            </button>
          )}
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
