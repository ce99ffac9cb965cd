'use client'

import { useDeployment } from '@/components/chain/useDeployment'
import { useCallback, useRef, useState } from 'react'
import { privateKeyToAccount } from 'viem/accounts'
import { useConfig } from 'wagmi'
import { getAccount } from 'wagmi/actions'
import { authorizeAgent } from '@/lib/agent/authorizeAgent'
import { formatError } from '@/lib/formatError'
import { browserKeystore } from '@/lib/keystore/browserKeystore'
import {
  type PublishListingParameters,
  type PublishListingReturnType,
  type PublishStage,
  publishListing,
} from '@/lib/publish/publishListing'

/** A publication's outcome, with the gas the creator paid to authorize its agent (0 when it already was, or free). */
export type PublishResultData = PublishListingReturnType & { agentGasUsed: bigint }

/** The form's input to {@link usePublish}'s `publish`. */
export type PublishInput = Omit<PublishListingParameters, 'deployment' | 'onStage' | 'onProgress'>

/**
 * Publishing files from the form: the wallet checks, the stages and progress (throttled to
 * ~4 updates a second), the result, and the error as one sentence.
 */
export function usePublish() {
  const config = useConfig()
  const deployment = useDeployment()
  const [stage, setStage] = useState<PublishStage>()
  const [progress, setProgress] = useState<{ done: number; total: number }>()
  const [result, setResult] = useState<PublishResultData>()
  const [error, setError] = useState<string>()
  const lastUpdate = useRef(0)

  const publish = useCallback(
    async (input: PublishInput) => {
      setError(undefined)
      setResult(undefined)
      setProgress(undefined)
      try {
        const out = await publishListing(config, browserKeystore(), {
          ...input,
          deployment,
          onStage: setStage,
          onProgress: (done, total) => {
            const now = performance.now()
            if (done < total && now - lastUpdate.current < 250) return
            lastUpdate.current = now
            setProgress({ done, total })
          },
        })
        let agentGasUsed = 0n
        // A free listing has no key to deliver: no agent needed.
        if (!out.free) {
          // Once per browser: the creator lets this tab's agent key deliver keys without prompts.
          setStage('agent')
          const creator = getAccount(config).address!
          const agentKey = await browserKeystore().loadAgentKey({ chainId: deployment.chainId, creator })
          const agent = await authorizeAgent(config, {
            deployment,
            creator,
            agent: privateKeyToAccount(agentKey).address,
          })
          agentGasUsed = agent.gasUsed
        }
        setStage('done')
        setResult({ ...out, agentGasUsed })
      } catch (e) {
        setStage(undefined)
        setError(formatError(e))
      }
    },
    [config, deployment],
  )
  /** Shows a sentence for input refused before anything starts (a bad URL, a cover that is no image). */
  const refuse = useCallback((e: unknown) => setError(formatError(e)), [])
  return { publish, refuse, stage, progress, result, error, busy: !!stage && stage !== 'done' && !error }
}
