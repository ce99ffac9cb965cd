'use client'

import { useEffect, useState } from 'react'
import { useAccount, usePublicClient } from 'wagmi'
import { createAgentWallet } from '@/lib/agent/createAgentWallet'
import { runAgent } from '@/lib/agent/runAgent'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import { requireDeployment } from '@/lib/chain/requireDeployment'
import { appConfig, getStack, isLocalChain } from '@/lib/config'
import { formatError } from '@/lib/formatError'
import { listListingSecrets } from '@/lib/purchases/listListingSecrets'
import { loadAgentKey } from '@/lib/purchases/loadAgentKey'

/** What the creator's in-tab agent is doing. */
export type CreatorAgentState = {
  status: 'idle' | 'unauthorized' | 'running'
  agent?: `0x${string}`
  listings: number
  delivered: number
  lastGas?: bigint
  error?: string
}

/**
 * The creator's delivery agent in this tab: while the connected account has listings on this
 * device and has authorized this browser's agent key, it delivers sealed keys for every new
 * purchase, in batches, with no wallet prompt. Re-checks authorization every few seconds.
 */
export function useCreatorAgent(): CreatorAgentState {
  const { address } = useAccount()
  const chain = appConfig.chains[0]
  const publicClient = usePublicClient({ chainId: chain.id })
  const [state, setState] = useState<CreatorAgentState>({ status: 'idle', listings: 0, delivered: 0 })

  useEffect(() => {
    if (!address || !publicClient) return
    const deployment = requireDeployment(chain.id)
    const controller = new AbortController()
    let delivered = 0
    ;(async () => {
      const agentKey = await loadAgentKey({ chainId: chain.id, creator: address })
      const wallet = createAgentWallet({
        agentKey,
        chain,
        rpcUrl: isLocalChain(chain.id) ? getStack().rpcUrl : undefined,
      })
      const agent = wallet.account.address
      // Waits for the creator to authorize this key (the publish flow does it once).
      while (!controller.signal.aborted) {
        const allowed = await publicClient.readContract({
          address: deployment.keyswarm,
          abi: keyswarmAbi,
          functionName: 'isAgent',
          args: [address, agent],
        })
        if (allowed) break
        setState((s) => ({ ...s, status: 'unauthorized', agent }))
        await new Promise((resolve) => setTimeout(resolve, 2000))
      }
      const tamper = typeof localStorage !== 'undefined' && localStorage.getItem('keyswarm.test.tamperAgent') === '1'
      await runAgent(publicClient, wallet, {
        deployment,
        signal: controller.signal,
        tamper,
        listings: async () => {
          const listings = await listListingSecrets({ chainId: chain.id, creator: address })
          setState((s) => ({ ...s, status: 'running', agent, listings: listings.length }))
          return listings
        },
        onDelivered: (round) => {
          delivered += round.delivered.length
          setState((s) => ({ ...s, delivered, lastGas: round.gasUsed, error: undefined }))
        },
        onError: (error) => {
          console.error('[keyswarm] agent round failed', error)
          setState((s) => ({ ...s, error: formatError(error) }))
        },
      })
    })().catch((error: unknown) => setState((s) => ({ ...s, error: formatError(error) })))
    return () => controller.abort()
  }, [address, publicClient, chain])

  return state
}
