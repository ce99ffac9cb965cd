import { join } from 'node:path'
import { chainHistoryPresets } from '../../../scripts/lib/chainHistoryPresets'
import { type Stack, startStack } from '../../../scripts/lib/startStack'
import { test as base } from '../fixtures'

const root = join(import.meta.dirname, '..', '..', '..')

/**
 * The e2e fixtures on a real-like chain instead of global-setup's automine one: a stack of its own
 * with 2-second blocks, 20,000 blocks past the deployment (cached per machine, see
 * scripts/lib/chainHistory.ts), and the page behind the public-RPC-like endpoint
 * (`KEYSWARM_RPC_LIMITS=public`: 2,000 blocks or 10,000 logs per `eth_getLogs`, 25 calls a second).
 * `stack`, `openContext` and `chain` mean this stack here; the injected wallet and the `chain`
 * clients talk to anvil directly (`chainRpcUrl`).
 */
export const test = base.extend<object, { realChain: Stack }>({
  realChain: [
    async ({}, use) => {
      const stack = await startStack({
        ports: { chain: 0, tracker: 0, web: 0 },
        outDir: join(root, 'out'),
        blockTime: 2,
        rpcLimits: 'public',
        history: chainHistoryPresets.empty,
      })
      await use(stack)
      await stack.stop()
    },
    // Building the history (first run on a machine only) takes a few minutes.
    { scope: 'worker', timeout: 600_000 },
  ],
  stack: async ({ realChain }, use) => {
    const { rpcUrl, chainRpcUrl, trackerUrl, relayUrl, webUrl, deployment } = realChain
    await use({ rpcUrl, chainRpcUrl, trackerUrl, relayUrl, webUrl, deployment })
  },
})
