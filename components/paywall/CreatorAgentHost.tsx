'use client'

import { useTargetDeployment } from '@/components/chain/useTargetDeployment'
import { useEffect } from 'react'
import { usePublicClient } from 'wagmi'
import { agentLockName } from '@/lib/agent/agentLockName'
import type { AgentMessage } from '@/lib/agent/agentMessages'
import { agentStatusStore } from '@/lib/agent/agentStatusStore'
import { hostAgents } from '@/lib/agent/hostAgents'
import { browserKeystore } from '@/lib/keystore/browserKeystore'
import { appChains, isLocalChain, localRpcUrl } from '@/lib/config'

/**
 * The browser's one delivery agent, mounted once in the root layout so that any open Keyswarm
 * tab delivers for the creators who have listings on this device. A Web Lock makes sure exactly
 * one tab runs it; when that tab closes, a waiting tab takes the lock and carries on. Tabs share
 * the agent's status over a BroadcastChannel. Renders nothing; `CreatorAgent` shows the status.
 */
export function CreatorAgentHost() {
  // The agent delivers on the chain the page reads: a wallet moved to another deployment takes it along.
  const { chainId, deployment } = useTargetDeployment()
  const chain = appChains().find((c) => c.id === chainId)
  const publicClient = usePublicClient({ chainId })

  useEffect(() => {
    if (!publicClient || !deployment || !chain || typeof BroadcastChannel === 'undefined') return
    const name = agentLockName(chain.id)
    const controller = new AbortController()
    const wake = new EventTarget()
    const channel = new BroadcastChannel(name)
    let holding = false
    const post = (message: AgentMessage) => channel.postMessage(message)

    channel.onmessage = ({ data }: MessageEvent<AgentMessage>) => {
      if (data.type === 'wake') wake.dispatchEvent(new Event('wake'))
      else if (data.type === 'hello' && holding)
        post({ type: 'status', creators: [...agentStatusStore.get().creators] })
      else if (data.type === 'status' && !holding) agentStatusStore.set({ host: 'other-tab', creators: data.creators })
    }
    post({ type: 'hello' })

    const run = () =>
      hostAgents(publicClient, browserKeystore(), {
        deployment,
        chain,
        rpcUrl: isLocalChain(chain.id) ? localRpcUrl(chain.id) : undefined,
        signal: controller.signal,
        wake,
        onStatus: (creators) => {
          agentStatusStore.set({ host: 'this-tab', creators })
          post({ type: 'status', creators })
        },
      })

    if (!navigator.locks) {
      // No Web Locks (very old browsers): run here; two such tabs would only race, never double-deliver.
      holding = true
      run().catch((error: unknown) => console.error('[keyswarm] the delivery agent stopped', error))
    } else {
      navigator.locks
        .request(name, { signal: controller.signal }, async () => {
          holding = true
          try {
            await run()
          } finally {
            holding = false
          }
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) console.error('[keyswarm] the delivery agent stopped', error)
        })
    }
    return () => {
      controller.abort()
      channel.close()
    }
  }, [publicClient, chain, deployment])

  return null
}
