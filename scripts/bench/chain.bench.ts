/**
 * Chain reads at scale, behind an endpoint stricter than a public one: the bench's RPC proxy
 * allows 200 blocks per `eth_getLogs` (the same hundred range requests a 200,000-block history costs
 * at 2,000 per call) and BENCH_CHAIN_RPS calls a second (default 50), over the `filled` chain with
 * history (scripts/lib/chainHistoryPresets.ts: 20,000 blocks holding 10,000 listings, built once
 * per machine — `npm run chain:fill` builds it ahead) with 2-second blocks. In the real browser
 * against the built site:
 * - `chain.catalog_first_page_ms`: a new visitor (empty IndexedDB) opens the home page; until the
 *   first catalog entries show. `chain.catalog_requests_cold`: HTTP requests the proxy served until
 *   that visit had scanned back to the deployment. `chain.catalog_warm_ms`: the same visitor again.
 * - `chain.library_ms`: the library creator (100 listings, 2,000 sales) connects on /library; until
 *   every listing card shows its sales. `chain.library_requests_cold`: HTTP requests the proxy
 *   served (refused ones included) in that time.
 * And as a process: `chain.agent_catchup_ms`, `npm run agent` started with 100 undelivered
 * purchases spread over the history, until all are delivered (tsx start-up included).
 * BENCH_CHAIN_SCALE (default 1) shrinks the history for trying the suite out (0.05: 1,000 blocks,
 * 500 listings); the figures only mean what their goals say at 1.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from '@playwright/test'
import { createPublicClient, http } from 'viem'
import { anvil } from 'viem/chains'
import type { AgentSecrets } from '../../lib/agent/types'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import { installTestWallet } from '../../tests/e2e/support/installTestWallet'
import { chainHistoryPresets } from '../lib/chainHistoryPresets'
import { ensureBuild } from '../lib/ensureBuild'
import { type Stack, startStack, stopChild } from '../lib/startStack'
import { figure } from './goal'
import type { BenchContext, BenchResult } from './types'

const root = join(import.meta.dirname, '..', '..')
const RPS = Number(process.env.BENCH_CHAIN_RPS ?? 50)
const SCALE = Number(process.env.BENCH_CHAIN_SCALE ?? 1)

/** The `filled` history, or a smaller one of the same shape when BENCH_CHAIN_SCALE asks. */
function scaledHistory() {
  const { filled } = chainHistoryPresets
  if (SCALE === 1) return filled
  const scale = (count: number) => Math.max(1, Math.round(count * SCALE))
  const { fill } = filled
  return {
    ...filled,
    blocks: scale(filled.blocks),
    fill: {
      listings: scale(fill.listings),
      purchases: scale(fill.purchases),
      library: { listings: scale(fill.library.listings), sales: scale(fill.library.sales) },
      agent: { listings: scale(fill.agent.listings), purchases: scale(fill.agent.purchases) },
    },
  }
}

export default async function chainBench(ctx: BenchContext): Promise<BenchResult[]> {
  if (!existsSync(join(root, 'out', 'index.html'))) await ensureBuild(root, ctx.log)
  const history = scaledHistory()
  const stack = await startStack({
    ports: { chain: 0, tracker: 0, web: 0 },
    outDir: join(root, 'out'),
    blockTime: 2,
    rpcLimits: { maxBlockRange: 200, maxResults: 10_000, rps: RPS, provider: 'alchemy' },
    history,
    log: (line) => ctx.log(line),
  })
  const proxy = stack.rpcProxy!
  const fill = stack.history!.fill!
  const deployBlock = BigInt(stack.deployment.deployBlock)
  const contexts: BrowserContext[] = []
  const open = async (wallet?: string) => {
    const context = await ctx.browser.newContext({ baseURL: stack.webUrl })
    if (wallet) await injectWallet(context, stack, wallet)
    contexts.push(context)
    return context
  }
  try {
    ctx.log(
      `history: blocks ${stack.deployment.deployBlock}–${stack.history!.head}, ${fill.listings} listings, ${fill.purchases} purchases; ` +
        `endpoint: 200 blocks per eth_getLogs, ${RPS} calls/s`,
    )

    // Catalog, cold then warm, in one visitor's context (its IndexedDB is the cache).
    const visitor = await (await open()).newPage()
    proxy.stats.reset()
    const coldStarted = Date.now()
    await visitor.goto('/')
    await visitor.getByTestId('catalog-item').first().waitFor({ timeout: 120_000 })
    const coldMs = Date.now() - coldStarted
    await waitFor(() => proxy.stats.lowestLogBlock !== undefined && proxy.stats.lowestLogBlock <= deployBlock, 300_000)
    const coldRequests = proxy.stats.requests
    ctx.log(
      `catalog cold: first entries in ${coldMs} ms; back to the deployment after ${coldRequests} requests (${JSON.stringify(proxy.stats.byMethod)}, refused ${JSON.stringify(proxy.stats.refused)})`,
    )
    const warm: number[] = []
    for (let run = 0; run < 3; run++) {
      await visitor.goto('about:blank')
      proxy.stats.reset()
      const started = Date.now()
      await visitor.goto('/')
      await visitor.getByTestId('catalog-item').first().waitFor({ timeout: 60_000 })
      warm.push(Date.now() - started)
      ctx.log(`catalog warm ${run + 1}: ${warm.at(-1)} ms, ${proxy.stats.requests} requests so far`)
    }
    await visitor.context().close()

    // The library creator's /library, cold: from choosing the wallet to every card with its sales.
    const creator = await (await open(fill.library.creator)).newPage()
    await creator.goto('/library')
    await creator.getByRole('button', { name: 'Connect wallet' }).click()
    proxy.stats.reset()
    const libraryStarted = Date.now()
    await creator.getByRole('button', { name: /Test Wallet/ }).click()
    await creator.waitForFunction(
      (count) => {
        const stats = [...document.querySelectorAll('[data-testid="creator-listing-stats"]')]
        return stats.length >= count && stats.every((element) => /\d+ sold/.test(element.textContent ?? ''))
      },
      fill.plan.library.listings,
      { timeout: 300_000, polling: 100 },
    )
    const libraryMs = Date.now() - libraryStarted
    const libraryRequests = proxy.stats.requests
    ctx.log(
      `library: ${fill.plan.library.listings} listings with sales in ${libraryMs} ms, ${libraryRequests} requests (${JSON.stringify(proxy.stats.byMethod)}, refused ${JSON.stringify(proxy.stats.refused)})`,
    )
    await creator.context().close()

    const agentMs = await agentCatchup(ctx, stack)

    return [
      figure('chain.catalog_first_page_ms', coldMs, 'ms', '<= 3000'),
      figure('chain.catalog_warm_ms', median(warm), 'ms', '<= 500'),
      figure('chain.catalog_requests_cold', coldRequests, 'requests'),
      figure('chain.agent_catchup_ms', agentMs, 'ms', '<= 60000'),
      figure('chain.library_ms', libraryMs, 'ms', '<= 3000'),
      figure('chain.library_requests_cold', libraryRequests, 'requests'),
    ]
  } finally {
    for (const context of contexts) await context.close().catch(() => {})
    await stack.stop()
  }
}

/** `npm run agent` with the history's agent secrets and no cursor yet: until its 100 purchases are delivered. */
async function agentCatchup(ctx: BenchContext, stack: Stack): Promise<number> {
  const fill = stack.history!.fill!
  const dir = await mkdtemp(join(tmpdir(), 'keyswarm-chain-bench-'))
  const client = createPublicClient({ chain: anvil, transport: http(stack.chainRpcUrl), pollingInterval: 250 })
  const agentListings = new Set(fill.agent.listings.map((listing) => BigInt(listing.contentId)))
  const purchases = (
    await client.getContractEvents({
      address: stack.deployment.keyswarm,
      abi: keyswarmAbi,
      eventName: 'Purchased',
      fromBlock: BigInt(stack.deployment.deployBlock),
    })
  ).filter((log) => agentListings.has(log.args.contentId!))
  const waiting = new Set(purchases.map((log) => log.args.purchaseId!))
  let daemon: ChildProcess | undefined
  try {
    const secrets: AgentSecrets = { chainId: anvil.id, agentKey: fill.agent.agentKey, listings: fill.agent.listings }
    await writeFile(join(dir, 'secrets.json'), JSON.stringify(secrets))
    const started = Date.now()
    daemon = spawn(
      'npm',
      ['run', 'agent', '--', '--rpc', stack.rpcUrl, '--secrets', join(dir, 'secrets.json'), '--interval', '1000'],
      { cwd: root, stdio: 'ignore', detached: true },
    )
    let delivered = 0
    await waitFor(async () => {
      const logs = await client.getContractEvents({
        address: stack.deployment.keyswarm,
        abi: keyswarmAbi,
        eventName: 'Delivered',
        fromBlock: BigInt(stack.history!.head),
      })
      delivered = logs.filter((log) => waiting.has(log.args.purchaseId!)).length
      return delivered >= waiting.size
    }, 300_000)
    const ms = Date.now() - started
    ctx.log(`agent: ${delivered} of ${waiting.size} undelivered purchases delivered in ${ms} ms`)
    return ms
  } finally {
    if (daemon) await stopChild(daemon)
    await rm(dir, { recursive: true, force: true })
  }
}

async function injectWallet(context: BrowserContext, stack: Stack, address: string) {
  // The wallet talks to anvil itself (a wallet has its own RPC); the page reads through the proxy.
  const options = { rpcUrl: stack.chainRpcUrl, address, chainId: anvil.id }
  // tsx (esbuild) wraps named functions in __name(); the page has no such helper, so give it one.
  await context.addInitScript({
    content: `var __name = (target) => target;\n(${installTestWallet.toString()})(${JSON.stringify(options)})`,
  })
}

/** Polls `done` every 250 ms until it holds; throws after `timeout` ms. */
async function waitFor(done: () => boolean | Promise<boolean>, timeout: number) {
  const deadline = Date.now() + timeout
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting after ${timeout / 1000} s.`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
