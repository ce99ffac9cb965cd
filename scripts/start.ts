/**
 * `npm start`: the whole Keyswarm stack on this machine — anvil chain with the contracts and a mock
 * stablecoin, a WebSocket tracker, a Nostr relay, and the static site. Ctrl-C stops all of it.
 *
 * Ports: KEYSWARM_CHAIN_PORT (8545), KEYSWARM_TRACKER_PORT (8000), KEYSWARM_WEB_PORT (3000),
 * KEYSWARM_RELAY_PORT (7777).
 * KEYSWARM_BLOCK_TIME=1 mines a block a second instead of one per transaction.
 * KEYSWARM_RPC_LIMITS=public puts a public-RPC-like endpoint between the page and anvil (eth_getLogs
 *   ≤ 2,000 blocks and ≤ 10,000 logs, 25 calls a second) on KEYSWARM_RPC_PORT (8546), answering with
 *   KEYSWARM_RPC_PROVIDER's error shapes (alchemy, infura or quicknode; default alchemy).
 * KEYSWARM_HISTORY=empty starts from a chain 20,000 blocks past the deployment; KEYSWARM_HISTORY=filled
 *   from one holding 10,000 listings and 4,100 purchases (both built once per machine, then cached).
 * KEYSWARM_NO_BUILD=1 serves out/ as it is instead of rebuilding it when the sources are newer.
 */
import { join } from 'node:path'
import { ensureBuild } from './lib/ensureBuild'
import { chainHistoryPresets } from './lib/chainHistoryPresets'
import type { RpcProvider } from './lib/rpcProxyErrors'
import { type RpcLimits, publicRpcLimits, startStack } from './lib/startStack'

const root = join(import.meta.dirname, '..')
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback)

/** The RPC limits KEYSWARM_RPC_LIMITS asks for; a value it does not know is a mistake worth stopping on. */
function rpcLimits(): RpcLimits | undefined {
  const value = process.env.KEYSWARM_RPC_LIMITS
  if (!value) return undefined
  if (value !== 'public')
    throw new Error(`KEYSWARM_RPC_LIMITS=${value} is not a preset Keyswarm knows; use KEYSWARM_RPC_LIMITS=public.`)
  const provider = (process.env.KEYSWARM_RPC_PROVIDER ?? publicRpcLimits.provider) as RpcProvider
  if (!['alchemy', 'infura', 'quicknode'].includes(provider))
    throw new Error(
      `KEYSWARM_RPC_PROVIDER=${provider} is not one the endpoint imitates; use alchemy, infura or quicknode.`,
    )
  return { ...publicRpcLimits, provider }
}

/** The history KEYSWARM_HISTORY names, if any. */
function history() {
  const value = process.env.KEYSWARM_HISTORY
  if (!value) return undefined
  if (!(value in chainHistoryPresets))
    throw new Error(`KEYSWARM_HISTORY=${value} is not a history Keyswarm knows; use empty or filled.`)
  return chainHistoryPresets[value as keyof typeof chainHistoryPresets]
}

async function main() {
  if (process.env.KEYSWARM_NO_BUILD !== '1') await ensureBuild(root)
  console.log('\nStarting the Keyswarm stack…')
  const stack = await startStack({
    ports: {
      chain: port('KEYSWARM_CHAIN_PORT', 8545),
      tracker: port('KEYSWARM_TRACKER_PORT', 8000),
      web: port('KEYSWARM_WEB_PORT', 3000),
      rpc: port('KEYSWARM_RPC_PORT', 8546),
      relay: port('KEYSWARM_RELAY_PORT', 7777),
    },
    outDir: join(root, 'out'),
    blockTime: process.env.KEYSWARM_BLOCK_TIME ? Number(process.env.KEYSWARM_BLOCK_TIME) : undefined,
    rpcLimits: rpcLimits(),
    history: history(),
    log: (line) => console.log(`  ${line}`),
  })
  console.log(`
Keyswarm is running: open ${stack.webUrl}
  Connect with "Dev wallet (local chain)" in the wallet list, or add the local network to MetaMask
  (RPC ${stack.rpcUrl}, chain id 31337, symbol ETH) and import an anvil dev account (see README).
Press Ctrl-C to stop.`)

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping the stack…`)
    await stack.stop()
    console.log('Stopped.')
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}

main().catch((error: Error) => {
  console.error(`\nnpm start failed: ${error.message}`)
  process.exit(1)
})
