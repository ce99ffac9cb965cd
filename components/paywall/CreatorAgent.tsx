'use client'

import { useDeployment } from '@/components/chain/useDeployment'
import { useState } from 'react'
import { type Address, formatEther } from 'viem'
import { useAccount, useConfig } from 'wagmi'
import { authorizeAgent } from '@/lib/agent/authorizeAgent'
import { exportAgentSecrets } from '@/lib/agent/exportAgentSecrets'
import { topUpAgent } from '@/lib/agent/topUpAgent'
import type { CreatorAgentStatus } from '@/lib/agent/types'
import { wakeAgent } from '@/lib/agent/wakeAgent'
import { formatError } from '@/lib/formatError'
import { browserKeystore } from '@/lib/keystore/browserKeystore'
import { listReceipts } from '@/lib/receipts/listReceipts'
import { useCreatorAgent } from './useCreatorAgent'

/** Saves the agent secrets for `npm run agent` as a JSON file the creator keeps private. */
async function downloadAgentSecrets(chainId: number, creator: Address) {
  // The creator's own seeding receipts go along: the daemon claims them.
  const receipts = await listReceipts({ chainId, seeder: creator })
  const secrets = await exportAgentSecrets(browserKeystore(), { chainId, creator, receipts })
  const url = URL.createObjectURL(new Blob([JSON.stringify(secrets, null, 2)], { type: 'application/json' }))
  const link = Object.assign(document.createElement('a'), { href: url, download: 'keyswarm-agent-secrets.json' })
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/**
 * A one-line status of the browser's delivery agent (which runs in one Keyswarm tab, see
 * `CreatorAgentHost`): what it watches and delivered, and what it needs from the creator (an
 * authorization, gas money). Shows the connected creator's agent, or every creator's of this
 * device when no wallet is connected; renders nothing for people who sell nothing here.
 * Place it on any page: `<CreatorAgent />`.
 */
export function CreatorAgent() {
  const { creators, host } = useCreatorAgent()
  const { address } = useAccount()
  const shown = address ? creators.filter((c) => c.creator.toLowerCase() === address.toLowerCase()) : creators
  if (shown.length === 0) return null
  return (
    <>
      {shown.map((status) => (
        <AgentLine key={status.creator} status={status} host={host} connected={address} />
      ))}
    </>
  )
}

function AgentLine({
  status,
  host,
  connected,
}: {
  status: CreatorAgentStatus
  host?: 'this-tab' | 'other-tab'
  connected?: Address
}) {
  const { creator, agent, authorized, listings, delivered, lastGas, balance, outOfGas, error, scannedBlock, waiting } =
    status
  const config = useConfig()
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<string>()
  const deployment = useDeployment()
  const { chainId } = deployment
  const isCreator = connected?.toLowerCase() === creator.toLowerCase()

  const act = (action: () => Promise<unknown>) => {
    setBusy(true)
    setActionError(undefined)
    action()
      .then(() => wakeAgent({ chainId }))
      .catch((e: unknown) => setActionError(formatError(e)))
      .finally(() => setBusy(false))
  }

  return (
    <div
      data-testid="agent-status"
      data-delivered={delivered}
      data-agent={agent}
      data-host={host}
      data-out-of-gas={outOfGas}
      data-scanned-block={scannedBlock?.toString()}
      data-waiting={waiting}
      className="mb-6 rounded-lg border border-zinc-200 px-4 py-2 text-sm dark:border-zinc-800"
    >
      {!authorized && (
        <>
          Your delivery agent {agent} is not authorized yet: publishing a listing authorizes it.{' '}
          {isCreator && (
            <button
              type="button"
              className="underline disabled:opacity-50"
              disabled={busy}
              onClick={() =>
                act(() => authorizeAgent(config, { deployment, creator, agent }))
              }
            >
              Authorize it now
            </button>
          )}
        </>
      )}
      {authorized && (
        <>
          Delivery agent on{host === 'other-tab' ? ' (in another Keyswarm tab)' : ''}: watching {listings} listing
          {listings === 1 ? '' : 's'}, {delivered} key{delivered === 1 ? '' : 's'} delivered
          {lastGas !== undefined && ` (last batch ${lastGas} gas)`}
          {balance !== undefined && `, ${formatEther(balance)} ETH for gas`}.{' '}
          {isCreator && (
            <button
              type="button"
              className="underline"
              onClick={() => void downloadAgentSecrets(chainId, creator).catch((e: unknown) => setActionError(formatError(e)))}
            >
              Export agent secrets for npm run agent
            </button>
          )}
        </>
      )}
      {authorized && outOfGas && (
        <p role="alert" data-testid="agent-out-of-gas" className="mt-1 text-amber-800 dark:text-amber-300">
          Your delivery agent is out of gas: its key {agent} holds {formatEther(balance ?? 0n)} ETH, too little to
          deliver keys, so your buyers wait.{' '}
          {connected ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => act(() => topUpAgent(config, { chainId, agent }))}
              className="rounded-lg bg-amber-600 px-3 py-1 font-medium text-white hover:bg-amber-500 disabled:opacity-50"
            >
              Top up 0.02 ETH
            </button>
          ) : (
            'Connect your wallet to top it up.'
          )}
        </p>
      )}
      {(actionError ?? (error && !outOfGas ? error : undefined)) && (
        <p role="alert" data-testid="agent-error" className="text-red-700 dark:text-red-300">
          {actionError ?? error}
        </p>
      )}
    </div>
  )
}
