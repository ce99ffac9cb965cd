import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { createPublicClient, createTestClient, http } from 'viem'
import type { Deployment } from '../../lib/chain/deployments/index'
import { type DeployAllParameters, deployAll } from '../deploy'
import { readArtifact } from './buildContracts'
import { type ChainFill, type ChainFillPlan, fillChainHistory } from './chainHistoryFill'
import { installMulticall3, multicall3Address } from './installMulticall3'
import { anvilDeployerKey, freePort, startAnvil } from './startStack'

/** Parameters of {@link ensureChainHistory}. */
export type ChainHistoryParameters = {
  /** Blocks between the deployment and whatever comes after the history. */
  blocks?: number
  /** Timestamp step between history blocks (the history ends about ten minutes before it was built). */
  secondsPerBlock?: number
  /** Listings and purchases spread over the history; none when unset (empty blocks). */
  fill?: ChainFillPlan
  /** The deployment's windows (see scripts/deploy.ts). */
  windows?: DeployAllParameters['windows']
  /** Where built histories are kept (gitignored); one file pair per distinct history. */
  cacheDir?: string
  log?: (line: string) => void
}

/** A built history: where its state dump is and what is in it. */
export type ChainHistory = {
  /** The anvil state dump as `anvil_dumpState` returns it (gzipped JSON, hex). */
  stateFile: string
  /**
   * The same state as JSON, for `anvil --load-state` (startAnvil's `loadState`): blocks, logs,
   * contracts, balances. Not `anvil_loadState`: anvil refuses a request body that large.
   */
  stateJsonFile: string
  deployment: Deployment
  /** The last block of the history. */
  head: number
  fill?: ChainFill
}

type ChainHistoryRecord = Omit<ChainHistory, 'stateJsonFile'>

const root = join(import.meta.dirname, '..', '..')
/** Bump when the way a history is built changes, so cached ones are rebuilt. */
const recipeVersion = 1

/**
 * A chain with history for tests and the bench: the contracts deployed (Multicall3 at its
 * canonical address), then `blocks` blocks — empty, or holding `fill`'s listings and purchases.
 * anvil mines only ~100–250 empty blocks a second here, so a history is built once per machine
 * and kept as an anvil state dump under .cache/chain-history, keyed by a hash of the contracts'
 * bytecode, anvil's version and the parameters: a contract change builds a new one.
 * @example
 * const history = await ensureChainHistory({ blocks: 20_000 })
 * const chain = await startAnvil({ port, loadState: history.stateJsonFile })
 */
export async function ensureChainHistory({
  blocks = 20_000,
  secondsPerBlock = 2,
  fill,
  windows,
  cacheDir = join(root, '.cache', 'chain-history'),
  log = () => {},
}: ChainHistoryParameters = {}): Promise<ChainHistory> {
  const key = historyKey({ blocks, secondsPerBlock, fill, windows })
  const recordFile = join(cacheDir, `${key}.json`)
  const stateFile = join(cacheDir, `${key}.state`)
  if (!existsSync(recordFile) || !existsSync(stateFile)) {
    const started = Date.now()
    log(
      `history: building ${blocks} blocks${fill ? ` with ${fill.listings} listings` : ''} once for this machine (cached in ${cacheDir})`,
    )
    const record = await buildHistory({ blocks, secondsPerBlock, fill, windows, stateFile, log })
    mkdirSync(cacheDir, { recursive: true })
    writeAtomically(recordFile, JSON.stringify(record, null, 2))
    log(`history: built in ${Math.round((Date.now() - started) / 1000)} s`)
  }
  const record = JSON.parse(readFileSync(recordFile, 'utf8')) as ChainHistoryRecord
  const stateJsonFile = join(cacheDir, `${key}.state.json`)
  if (!existsSync(stateJsonFile))
    writeAtomically(stateJsonFile, gunzipSync(Buffer.from(readFileSync(stateFile, 'utf8').replace(/^0x/, ''), 'hex')))
  return { ...record, stateFile, stateJsonFile }
}

function historyKey(parameters: object): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify({ recipeVersion, parameters }))
  for (const name of ['Keyswarm', 'MockStablecoin', 'Multicall3']) hash.update(readArtifact(name).bytecode)
  const anvilPackage = join(root, 'node_modules', '@foundry-rs', 'anvil', 'package.json')
  hash.update(
    existsSync(anvilPackage) ? (JSON.parse(readFileSync(anvilPackage, 'utf8')) as { version: string }).version : '',
  )
  return hash.digest('hex').slice(0, 16)
}

async function buildHistory({
  blocks,
  secondsPerBlock,
  fill,
  windows,
  stateFile,
  log,
}: Required<Pick<ChainHistoryParameters, 'blocks' | 'secondsPerBlock'>> &
  Pick<ChainHistoryParameters, 'fill' | 'windows'> & {
    stateFile: string
    log: (line: string) => void
  }): Promise<ChainHistoryRecord> {
  // The history lies in the past: it ends about ten minutes before now, so the blocks a test
  // mines next carry the wall clock, as on a live chain.
  const genesisTimestamp = Math.floor(Date.now() / 1000) - blocks * secondsPerBlock - 600
  // Past states are of no use to a history (its readers read logs and the latest state), and
  // keeping one per block is most of what mining costs once the state holds thousands of listings.
  const chain = await startAnvil({ port: await freePort(), genesisTimestamp, pruneHistory: true })
  try {
    // Mining thousands of blocks in one call outlasts viem's default 10 s timeout.
    const transport = http(chain.rpcUrl, { timeout: 300_000 })
    const anvil = createTestClient({ mode: 'anvil', transport })
    const client = createPublicClient({ transport })
    await installMulticall3({ rpcUrl: chain.rpcUrl })
    const deployment = await deployAll({
      rpcUrl: chain.rpcUrl,
      privateKey: anvilDeployerKey,
      mockStablecoin: true,
      windows,
    })
    let filled: ChainFill | undefined
    if (fill) filled = await fillChainHistory(chain.rpcUrl, { deployment, blocks, secondsPerBlock, plan: fill, log })
    const target = BigInt(deployment.deployBlock + blocks)
    for (let head = await client.getBlockNumber({ cacheTime: 0 }); head < target;) {
      const batch = Math.min(500, Number(target - head))
      await anvil.mine({ blocks: batch, interval: secondsPerBlock })
      head += BigInt(batch)
      if (!fill && Number(head) % 5000 < batch) log(`history: ${head} of ${target} blocks`)
    }
    const head = Number(await client.getBlockNumber({ cacheTime: 0 }))
    const code = await client.getCode({ address: multicall3Address })
    if (!code) throw new Error('Multicall3 is missing from the history chain.')
    mkdirSync(join(stateFile, '..'), { recursive: true })
    // Not viem's dumpState: a filled history's dump (~20 MB) is past viem's 10 MB response limit.
    const response = await fetch(chain.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'anvil_dumpState', params: [] }),
    })
    const dump = (await response.json()) as { result?: string; error?: { message: string } }
    if (!dump.result) throw new Error(`anvil_dumpState failed: ${dump.error?.message ?? response.statusText}`)
    writeAtomically(stateFile, dump.result)
    return { stateFile, deployment, head, fill: filled }
  } finally {
    await chain.stop()
  }
}

/** Writes through a temporary file, so an interrupted build never leaves a half file that looks cached. */
function writeAtomically(path: string, text: string | Buffer) {
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, text)
  renameSync(temporary, path)
}
