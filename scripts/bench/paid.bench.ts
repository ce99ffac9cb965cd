/**
 * Paid unlock benchmarks on the local stack with real block times (KEYSWARM_BLOCK_TIME, default
 * 1 s): a creator tab publishes a paid ~3 MiB video through /publish and stays open (its agent
 * delivers, it seeds); fresh buyer contexts click Unlock, one after the other. Measured:
 * - Unlock click -> first video frame, as the watch page measures it with User Timing
 *   (`performance.measure` named `unlockTimings.measure`): account signature, purchase, one block, the agent's
 *   delivery, one more block, unseal and verify, torrent metadata, first decrypted frame;
 * - gas of the listing, the agent setup, each purchase, and the agent's deliveries (one key, and
 *   a batch of purchases mined in one block).
 * BENCH_PAID_RUNS sets the number of buyers (default 5).
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { unlockTimings } from '../../lib/purchases/unlockTimings'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import {
  type Address,
  type Hash,
  type PublicClient,
  createPublicClient,
  createWalletClient,
  http,
  keccak256,
  parseEther,
  getAbiItem,
  parseEventLogs,
  toHex,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import { scanLogs } from '../../lib/chain/scanLogs'
import { pointAddress, publicPoint } from '../../lib/crypto'
import { installTestWallet } from '../../tests/e2e/support/installTestWallet'
import { type Stack, freePort, startStack, devMnemonic } from '../lib/startStack'
import { figure } from './goal'
import type { BenchContext, BenchResult } from './types'

const RUNS = Number(process.env.BENCH_PAID_RUNS ?? 5)
const BATCH = 5
const BLOCK_TIME = Number(process.env.KEYSWARM_BLOCK_TIME ?? 1)
const root = join(import.meta.dirname, '..', '..')
const devAccount = (index: number) => mnemonicToAccount(devMnemonic, { addressIndex: index }).address
const MiB = 1024 * 1024

export default async function paidBench(ctx: BenchContext): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'keyswarm-paid-bench-'))
  const stack = await startStack({
    ports: { chain: await freePort(), tracker: 0, web: 0 },
    outDir: join(root, 'out'),
    blockTime: BLOCK_TIME,
  })
  const contexts: BrowserContext[] = []
  const open = async (account: number) => {
    const context = await openWalletContext(ctx.browser, stack, account)
    contexts.push(context)
    return context
  }
  try {
    const clipPath = join(dir, 'paid.mp4')
    // About 3 MiB: 10 s of 640x360 at ~2.4 Mb/s, a keyframe a second, moov first (streamable).
    await promisify(execFile)('ffmpeg', [
      '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30', '-t', '10',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', '30', '-b:v', '2400k', '-maxrate',
      '2400k', '-bufsize', '2400k', '-movflags', '+faststart', clipPath,
    ])
    const clip = await readFile(clipPath)
    ctx.log(`${(clip.length / MiB).toFixed(1)} MiB video, ${BLOCK_TIME} s blocks, ${RUNS} buyers`)

    const creator = await (await open(1)).newPage()
    const published = await publish(creator, { name: 'paid.mp4', mimeType: 'video/mp4', buffer: clip })
    ctx.log(`published listing #${published.contentId}`)
    await creator.getByTestId('agent-status').filter({ hasText: 'Delivery agent on' }).waitFor({ timeout: 60_000 })

    const times: number[] = []
    const purchaseGas: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const buyer = await (await open(2 + run)).newPage()
      await buyer.goto(`/watch?listing=${published.contentId}`)
      await connect(buyer)
      await buyer.evaluate(traceSteps)
      await buyer.getByRole('button', { name: /^Unlock for/ }).click()
      const ms = Math.round(Number(
        await buyer
          .waitForFunction((name) => performance.getEntriesByName(name, 'measure').at(-1)?.duration, unlockTimings.measure, {
            timeout: 120_000,
          })
          .then((handle) => handle.jsonValue()),
      ))
      times.push(ms)
      purchaseGas.push(Number(await buyer.getByTestId('unlock-gas').getAttribute('data-purchase-gas')))
      const steps = (await buyer.evaluate(() => (window as { __steps?: string[] }).__steps ?? [])).join(', ')
      ctx.log(`buyer ${run + 1}: unlock to first frame ${ms} ms (${steps})`)
      await buyer.context().close()
    }

    const client = createPublicClient({ chain: anvil, transport: http(stack.rpcUrl), pollingInterval: 200 })
    const single = await deliveryGas(client, stack, await lastDelivery(client, stack))
    const batch = await batchDelivery(client, stack, published.contentId)
    ctx.log(`delivery of 1 key: ${single.gasUsed} gas; of ${batch.keys} keys in one transaction: ${batch.gasUsed} gas`)
    return [
      figure('paid.unlock_to_first_frame_ms', median(times), 'ms', '< 5000'),
      figure('paid.unlock_to_first_frame_ms.max', Math.max(...times), 'ms'),
      figure('paid.gas.list', published.listGas, 'gas'),
      figure('paid.gas.agent_setup', published.agentGas, 'gas'),
      figure('paid.gas.purchase', median(purchaseGas), 'gas'),
      figure('paid.gas.deliver_batch_of_1', single.gasUsed, 'gas'),
      figure(`paid.gas.deliver_batch_of_${batch.keys}`, batch.gasUsed, 'gas'),
      figure('paid.gas.deliver_per_item', Math.round(batch.gasUsed / batch.keys), 'gas'),
    ]
  } finally {
    for (const context of contexts) await context.close().catch(() => {})
    await stack.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

/** A browser context whose injected test wallet holds the stack's dev account `account`. */
export async function openWalletContext(browser: Browser, stack: Stack, account: number): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: stack.webUrl })
  const options = { rpcUrl: stack.rpcUrl, address: devAccount(account), chainId: anvil.id }
  // tsx (esbuild) wraps named functions in __name(); the page has no such helper, so give it one.
  await context.addInitScript({
    content: `var __name = (target) => target;\n(${installTestWallet.toString()})(${JSON.stringify(options)})`,
  })
  return context
}

/** Connects the injected test wallet through RainbowKit's modal. */
export async function connect(page: Page) {
  await page.getByRole('button', { name: 'Connect wallet' }).click()
  await page.getByRole('button', { name: /Test Wallet/ }).click()
  await page.getByTestId('wallet-address').waitFor()
}

/** Publishes a paid listing through /publish as its creator would (the e2e journeys' steps). */
export async function publish(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto('/publish')
  await connect(page)
  await page.getByTestId('publish-files').setInputFiles(file)
  await page.getByLabel('Title').fill(`Bench ${Date.now()}`)
  await page.getByLabel('Description').fill('Paid unlock benchmark')
  await page.getByLabel('Price').fill('0.01')
  await page.getByLabel('Currency').selectOption('eth')
  await page.getByRole('button', { name: 'Publish and list' }).click()
  const result = page.getByTestId('publish-result')
  await result.waitFor({ timeout: 120_000 })
  const heading = await result.getByRole('heading').innerText()
  const gas = page.getByTestId('publish-gas')
  return {
    contentId: BigInt(/#(\d+)/.exec(heading)![1]!),
    listGas: Number(await gas.getAttribute('data-list-gas')),
    agentGas: Number(await gas.getAttribute('data-agent-gas')),
  }
}

/** Runs in the buyer's page: notes when each unlock step (and the player) shows, from the click on. */
function traceSteps() {
  const w = window as { __steps?: string[] }
  let clicked = 0
  let last = ''
  w.__steps = []
  document.addEventListener('click', () => (clicked ||= performance.now()), { capture: true })
  new MutationObserver(() => {
    const step = document.querySelector('[data-testid=unlock-step]')?.getAttribute('data-step') ?? ''
    const now = document.querySelector('[data-testid=paid-player]') ? 'player' : step
    if (clicked && now && now !== last) w.__steps!.push(`${now} +${Math.round(performance.now() - clicked)}`)
    last = now
  }).observe(document.body, { subtree: true, childList: true, attributes: true })
}

type Client = ReturnType<typeof createPublicClient>

const deliveredEvent = getAbiItem({ abi: keyswarmAbi, name: 'Delivered' })

async function lastDelivery(client: Client, stack: Stack): Promise<Hash> {
  const { logs } = await scanLogs(client as PublicClient, {
    address: stack.deployment.keyswarm,
    event: deliveredEvent,
    fromBlock: BigInt(stack.deployment.deployBlock),
    limit: 1,
    cache: null,
  })
  return logs.at(-1)!.transactionHash
}

async function deliveryGas(client: Client, stack: Stack, hash: Hash) {
  const receipt = await client.getTransactionReceipt({ hash })
  const keys = parseEventLogs({ abi: keyswarmAbi, logs: receipt.logs, eventName: 'Delivered' }).length
  return { gasUsed: Number(receipt.gasUsed), keys }
}

/** BATCH purchases sent at once land in one block; the agent delivers them in one deliverMany. */
async function batchDelivery(client: Client, stack: Stack, contentId: bigint) {
  const price = parseEther('0.01')
  const hashes = await Promise.all(
    Array.from({ length: BATCH }, (_, i) => {
      const buyer: Address = devAccount(10 + i)
      const B = publicPoint(keccak256(toHex(`bench session ${i} ${Date.now()}`)))
      const R = pointAddress(publicPoint(keccak256(toHex(`bench receipt ${i} ${Date.now()}`))))
      return createWalletClient({ chain: anvil, transport: http(stack.rpcUrl), account: buyer }).writeContract({
        address: stack.deployment.keyswarm,
        abi: keyswarmAbi,
        functionName: 'purchase',
        args: [contentId, B.x, B.y, R, price],
        value: price,
      })
    }),
  )
  const receipts = await Promise.all(hashes.map((hash) => client.waitForTransactionReceipt({ hash })))
  const ids = receipts.map(
    (r) => parseEventLogs({ abi: keyswarmAbi, logs: r.logs, eventName: 'Purchased' })[0]!.args.purchaseId,
  )
  const started = Date.now()
  for (;;) {
    const { logs } = await scanLogs(client as PublicClient, {
      address: stack.deployment.keyswarm,
      event: deliveredEvent,
      args: { purchaseId: ids },
      fromBlock: receipts[0]!.blockNumber,
      cache: null,
    })
    if (logs.length === ids.length) {
      const txs = [...new Set(logs.map((log) => log.transactionHash))]
      const parts = await Promise.all(txs.map((hash) => deliveryGas(client, stack, hash)))
      // The biggest batch of them (normally all of them in one transaction).
      return parts.sort((a, b) => b.keys - a.keys)[0]!
    }
    if (Date.now() - started > 60_000) throw new Error(`The agent delivered only ${logs.length} of ${ids.length} keys.`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** The median of `values`. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
