'use client'

import { useDeployment } from '@/components/chain/useDeployment'
import { useCallback, useState } from 'react'
import type { PublicClient } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { useConfig } from 'wagmi'
import { getPublicClient } from 'wagmi/actions'
import { authorizeAgent } from '@/lib/agent/authorizeAgent'
import { obtainAccountSecret } from '@/lib/chain/obtainAccountSecret'
import { prepareWallet } from '@/lib/chain/prepareWallet'
import { formatError } from '@/lib/formatError'
import { type RestoreListingsReturnType, restoreListings } from '@/lib/publish/restoreListings'
import { browserKeystore } from '@/lib/keystore/browserKeystore'

/** Where a restore is: signing the account message, reading the chain, authorizing this tab's agent. */
export type RestoreStage = 'sign' | 'read' | 'agent'

/**
 * "Restore my listings": one signature gives the account secret, the creator's listings' secrets
 * are found again from the chain, and this browser's agent is authorized so it delivers keys.
 */
export function useRestoreListings() {
  const config = useConfig()
  const deployment = useDeployment()
  const [stage, setStage] = useState<RestoreStage>()
  const [result, setResult] = useState<RestoreListingsReturnType>()
  const [error, setError] = useState<string>()

  const restore = useCallback(async () => {
    setError(undefined)
    setResult(undefined)
    try {
      const creator = await prepareWallet(config, { chainId: deployment.chainId })
      setStage('sign')
      const accountSecret = await obtainAccountSecret(config, browserKeystore(), { deployment, account: creator })
      setStage('read')
      const client = getPublicClient(config, { chainId: deployment.chainId }) as PublicClient
      const out = await restoreListings(client, browserKeystore(), { deployment, creator, accountSecret })
      if (out.restored.length > 0) {
        setStage('agent')
        const agentKey = await browserKeystore().loadAgentKey({ chainId: deployment.chainId, creator })
        await authorizeAgent(config, { deployment, creator, agent: privateKeyToAccount(agentKey).address })
      }
      setResult(out)
    } catch (e) {
      setError(formatError(e))
    } finally {
      setStage(undefined)
    }
  }, [config, deployment])

  return { restore, stage, result, error, busy: !!stage }
}
