/**
 * `npm start`: the whole Keyswarm stack on this machine — anvil chain with the contracts and a mock
 * stablecoin, a WebSocket tracker, a Nostr relay, and the static site. Ctrl-C stops all of it.
 *
 * Ports: KEYSWARM_CHAIN_PORT (8545), KEYSWARM_TRACKER_PORT (8000), KEYSWARM_WEB_PORT (3000),
 * KEYSWARM_RELAY_PORT (7777).
 * KEYSWARM_BLOCK_TIME=1 mines a block a second instead of one per transaction.
 * KEYSWARM_NO_BUILD=1 serves out/ as it is instead of rebuilding it when the sources are newer.
 */
import { join } from 'node:path'
import { ensureBuild } from './lib/ensureBuild'
import { startStack } from './lib/startStack'

const root = join(import.meta.dirname, '..')
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback)

async function main() {
  if (process.env.KEYSWARM_NO_BUILD !== '1') await ensureBuild(root)
  console.log('\nStarting the Keyswarm stack…')
  const stack = await startStack({
    ports: { chain: port('KEYSWARM_CHAIN_PORT', 8545), tracker: port('KEYSWARM_TRACKER_PORT', 8000), web: port('KEYSWARM_WEB_PORT', 3000), relay: port('KEYSWARM_RELAY_PORT', 7777) },
    outDir: join(root, 'out'),
    blockTime: process.env.KEYSWARM_BLOCK_TIME ? Number(process.env.KEYSWARM_BLOCK_TIME) : undefined,
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
