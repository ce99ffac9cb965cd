/**
 * `npm run agent -- --rpc <url>[,<url>…] --secrets <agent-secrets.json> [--state <file>]`: the
 * creator's delivery agent as a 24/7 daemon. Same loop as the creator's tab (lib/agent/runAgent):
 * watches purchases of the creator's listings and delivers sealed keys in batches, signed by the
 * agent key. Needs only an RPC URL (several, comma-separated, are tried in turn) and the secrets the
 * creator exported from the /publish page. It keeps how far it has read in a state file (default:
 * the secrets file's path + `.state.json`), so a restart catches up on purchases made while it was
 * down. Also reads RPC_URL, AGENT_SECRETS and AGENT_STATE from the environment. Every `--collect`
 * seconds (default 600) it also sweeps the seeding pools seeders left once their claim window closed
 * into the creator's balance, and claims the creator's own seeding receipts that the secrets file
 * carries (those its tab held at export) once they are claimable. A secrets file exported again over
 * the same path (after publishing more, or to hand over the receipts the tab got since) is read
 * again within seconds, without a restart.
 */
import { unwatchFile, watchFile } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createPublicClient, createWalletClient, defineChain, formatEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { collectPools } from '../lib/agent/collectPools'
import { runAgent } from '../lib/agent/runAgent'
import type { AgentSecrets } from '../lib/agent/types'
import { createChainTransport } from '../lib/chain/createChainTransport'
import { requireDeployment } from '../lib/chain/requireDeployment'
import { multicall3Address } from '../lib/config'
import { formatError } from '../lib/formatError'
import { fileAgentCursor } from './lib/fileAgentCursor'
import { parseCli } from './lib/parseCli'

const usage =
  'Usage: npm run agent -- --rpc <url>[,<url>…] --secrets <agent-secrets.json> [--state <file>] [--interval <ms>] [--collect <s>]  (or RPC_URL, AGENT_SECRETS, AGENT_STATE)'
const { values } = parseCli({
  usage,
  options: {
    rpc: { type: 'string' },
    secrets: { type: 'string' },
    state: { type: 'string' },
    interval: { type: 'string' },
    collect: { type: 'string' },
  },
})
const rpcUrls = (values.rpc ?? process.env.RPC_URL ?? '')
  .split(',')
  .map((url) => url.trim())
  .filter(Boolean)
const secretsPath = values.secrets ?? process.env.AGENT_SECRETS
if (rpcUrls.length === 0 || !secretsPath) {
  console.error(usage)
  process.exit(2)
}
const statePath = values.state ?? process.env.AGENT_STATE ?? `${secretsPath}.state.json`
let secrets = JSON.parse(await readFile(secretsPath, 'utf8')) as AgentSecrets
const deployment = requireDeployment(secrets.chainId)
const chain = defineChain({
  id: secrets.chainId,
  name: `chain ${secrets.chainId}`,
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: { default: { http: rpcUrls } },
  contracts: { multicall3: { address: multicall3Address } },
})
const transport = createChainTransport({ urls: rpcUrls })
const publicClient = createPublicClient({ chain, transport })
const wallet = createWalletClient({ account: privateKeyToAccount(secrets.agentKey), chain, transport })
const balance = await publicClient.getBalance({ address: wallet.account.address })
console.log(
  `Keyswarm agent ${wallet.account.address} (${formatEther(balance)} ETH) delivering for ${secrets.listings.length} listing(s) on chain ${chain.id}; state in ${statePath}`,
)
const controller = new AbortController()
let wasOutOfGas = false
const stop = () => {
  controller.abort()
  // A round waiting on a receipt from an RPC that went away would hold the process: give it 3 s.
  setTimeout(() => process.exit(0), 3000).unref()
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
const collect = async () => {
  const creator = secrets.listings[0]?.creator
  if (!creator || controller.signal.aborted) return
  try {
    // The creator's seeding receipts that came with the secrets file are claimed once claimable.
    const done = await collectPools(publicClient, wallet, { deployment, creator, receipts: secrets.receipts })
    if (done.claimed) console.log(`claimed ${done.claimed} seeding receipt(s) for the creator`)
    if (done.swept.length) console.log(`swept the seeding pools of ${done.swept.join(', ')} to the creator`)
  } catch (error) {
    console.error(`Sweeping seeding pools failed: ${formatError(error)} (trying again later)`)
  }
}
const collecting = setInterval(() => void collect(), Number(values.collect ?? 600) * 1000)
controller.signal.addEventListener('abort', () => clearInterval(collecting))
// The creator exports again over the same file: new listings are delivered from the next round, and
// the seeding receipts the tab received since are claimed (a node process is no WebRTC peer, so the
// file is the only way receipts reach the daemon). Polled, as editors and downloads replace files.
const reload = async () => {
  try {
    const next = JSON.parse(await readFile(secretsPath, 'utf8')) as AgentSecrets
    if (next.chainId !== secrets.chainId || next.agentKey !== secrets.agentKey) {
      console.error(`${secretsPath} now names another chain or agent key: restart the agent to use it.`)
      return
    }
    secrets = next
    console.log(
      `Read ${secretsPath} again: ${next.listings.length} listing(s), ${next.receipts?.length ?? 0} seeding receipt(s)`,
    )
    void collect()
  } catch (error) {
    console.error(`Could not read ${secretsPath} again: ${formatError(error)} (keeping what it held before)`)
  }
}
watchFile(secretsPath, { interval: 2000 }, (now, before) => {
  if (now.mtimeMs !== before.mtimeMs) void reload()
})
controller.signal.addEventListener('abort', () => unwatchFile(secretsPath))
void collect()
await runAgent(publicClient, wallet, {
  deployment,
  listings: () => secrets.listings,
  interval: Number(values.interval ?? 1000),
  signal: controller.signal,
  cursor: fileAgentCursor(statePath),
  onDelivered: (round) =>
    console.log(`delivered ${round.delivered.join(', ')} in ${round.transactionHash} (${round.gasUsed} gas)`),
  onHealth: ({ balance, outOfGas }) => {
    // Said once per change, not every round: the operator tops the key up, the loop carries on.
    if (outOfGas === wasOutOfGas) return
    wasOutOfGas = outOfGas
    if (outOfGas)
      console.error(
        `The agent ${wallet.account.address} is out of gas (${formatEther(balance)} ETH): send it some ETH.`,
      )
    else console.log(`The agent ${wallet.account.address} has ${formatEther(balance)} ETH for gas again.`)
  },
  onError: (error, retryIn) => console.error(`${formatError(error)} (retrying in ${Math.round(retryIn / 1000)} s)`),
})
