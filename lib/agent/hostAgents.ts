import type { Address, Chain, PublicClient } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { keyswarmAbi } from '../chain/abi/keyswarmAbi'
import type { Deployment } from '../chain/deployments/index'
import { formatError } from '../formatError'
import type { Keystore } from '../keystore/Keystore'
import { listReceipts } from '../receipts/listReceipts'
import { collectPools } from './collectPools'
import { createAgentWallet } from './createAgentWallet'
import { AgentOutOfGasError } from './errors'
import { idbAgentCursor } from './idbAgentCursor'
import { runAgent } from './runAgent'
import type { CreatorAgentStatus } from './types'

/** How often a creator's tab agent claims its own receipts and sweeps what seeders left. */
const COLLECT_INTERVAL_MS = 10 * 60 * 1000

/** Parameters of {@link hostAgents}. */
export type HostAgentsParameters = {
  deployment: Deployment
  chain: Chain
  /** The RPC the agent keys send through (the local stack's on the local chain). */
  rpcUrl?: string
  signal: AbortSignal
  /** A `wake` event retries every agent at once (after a top-up or an authorization). */
  wake?: EventTarget
  /** Milliseconds between delivery rounds (default 500: a round reads only the blocks since the last one). */
  interval?: number
  /** Milliseconds between looks for creators newly publishing on this device (default 3000). */
  scanInterval?: number
  /** Every change of any creator's agent. */
  onStatus: (statuses: CreatorAgentStatus[]) => void
}

/**
 * Runs the delivery agent of every creator who has listing secrets on this device, with that
 * creator's hot agent key (no wallet needed): waits for the key to be authorized, then delivers.
 * Creators who publish meanwhile are picked up. Meant to run in one tab of the browser at a
 * time (the caller holds a Web Lock). Resolves when `signal` aborts.
 */
export async function hostAgents(
  publicClient: PublicClient,
  keystore: Keystore,
  { deployment, chain, rpcUrl, signal, wake, interval = 500, scanInterval = 3000, onStatus }: HostAgentsParameters,
): Promise<void> {
  const statuses = new Map<string, CreatorAgentStatus>()
  const running = new Map<string, Promise<void>>()
  const update = (creator: Address, change: Partial<CreatorAgentStatus>) => {
    const id = creator.toLowerCase()
    statuses.set(id, { ...statuses.get(id)!, ...change })
    onStatus([...statuses.values()])
  }

  const serve = async (creator: Address) => {
    const agentKey = await keystore.loadAgentKey({ chainId: deployment.chainId, creator })
    const wallet = createAgentWallet({ agentKey, chain, rpcUrl })
    const agent = privateKeyToAccount(agentKey).address
    const listings = () => keystore.listListingSecrets({ chainId: deployment.chainId, creator })
    statuses.set(creator.toLowerCase(), {
      creator,
      agent,
      authorized: false,
      listings: (await listings()).length,
      delivered: 0,
      outOfGas: false,
    })
    onStatus([...statuses.values()])
    // The publish flow authorizes the key once; until then there is nothing this key may deliver.
    while (!signal.aborted) {
      const allowed = await publicClient
        .readContract({
          address: deployment.keyswarm,
          abi: keyswarmAbi,
          functionName: 'isAgent',
          args: [creator, agent],
        })
        .catch((error: unknown) => (update(creator, { error: formatError(error) }), false))
      if (allowed) break
      await new Promise((resolve) => setTimeout(resolve, 2000))
    }
    update(creator, { authorized: true, error: undefined })
    // Now and then, the creator's own seeding receipts are claimed and unclaimed pools swept.
    const collect = () =>
      listReceipts({ chainId: deployment.chainId, seeder: creator })
        .then((receipts) => collectPools(publicClient, wallet, { deployment, creator, receipts }))
        .catch((error: unknown) => console.error('[keyswarm] agent could not claim or sweep', error))
    const collecting = setInterval(() => void collect(), COLLECT_INTERVAL_MS)
    signal.addEventListener('abort', () => clearInterval(collecting), { once: true })
    let delivered = 0
    await runAgent(publicClient, wallet, {
      deployment,
      interval,
      signal,
      wake,
      cursor: idbAgentCursor({ chainId: deployment.chainId, creator }),
      listings: async () => {
        const list = await listings()
        if (list.length !== statuses.get(creator.toLowerCase())?.listings) update(creator, { listings: list.length })
        return list
      },
      onHealth: ({ balance, outOfGas }) => {
        const before = statuses.get(creator.toLowerCase())!
        if (before.balance !== balance || before.outOfGas !== outOfGas) update(creator, { balance, outOfGas })
      },
      onScanned: ({ toBlock, waiting }) => {
        const before = statuses.get(creator.toLowerCase())!
        if (before.scannedBlock !== toBlock || before.waiting !== waiting)
          update(creator, { scannedBlock: toBlock, waiting })
      },
      onRound: () => {
        if (statuses.get(creator.toLowerCase())?.error) update(creator, { error: undefined })
      },
      onDelivered: (round) => {
        delivered += round.delivered.length
        update(creator, { delivered, lastGas: round.gasUsed, error: undefined, outOfGas: false })
      },
      onError: (error, retryIn) => {
        console.error(`[keyswarm] agent round failed, retrying in ${retryIn} ms`, error)
        update(creator, { error: formatError(error), ...(error instanceof AgentOutOfGasError && { outOfGas: true }) })
      },
    })
  }

  while (!signal.aborted) {
    try {
      const creators = new Map(
        (await keystore.listListingSecrets({ chainId: deployment.chainId })).map((s) => [
          s.creator.toLowerCase(),
          s.creator,
        ]),
      )
      for (const [id, creator] of creators) {
        if (running.has(id)) continue
        running.set(
          id,
          serve(creator).catch((error: unknown) => {
            // A creator's agent that could not start is tried again on the next scan.
            console.error('[keyswarm] agent failed', error)
            running.delete(id)
          }),
        )
      }
    } catch (error) {
      console.error('[keyswarm] could not read the listing secrets of this device', error)
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, scanInterval)
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
    })
  }
  await Promise.all(running.values())
}
