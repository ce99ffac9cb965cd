/**
 * The agent loop against a real anvil chain (automine): a purchase is never delivered twice even
 * with two agents racing, an agent without gas money says so and sends nothing, and failed
 * rounds back off.
 */
import { type Hex, type PublicClient, createPublicClient, custom, http, keccak256, parseEther, stringToHex } from 'viem'
import { foundry } from 'viem/chains'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { freePort } from '../../scripts/lib/startStack'
import { addTestAgent } from '../../tests/unit-helpers/addTestAgent'
import { buyForTest } from '../../tests/unit-helpers/buyForTest'
import { listPaidForTest } from '../../tests/unit-helpers/listPaidForTest'
import { type TestChain, startTestChain } from '../../tests/unit-helpers/startTestChain'
import { keyswarmAbi } from '../chain/abi/keyswarmAbi'
import type { Deployment } from '../chain/deployments/index'
import type { ListingSecret } from '../keystore/types'
import type { AgentCursor, AgentCursorState } from './types'
import { createAgentWallet } from './createAgentWallet'
import { AgentOutOfGasError } from './errors'
import { runAgent } from './runAgent'

const CREATOR = 1
const BUYER = 2
const contentKey = keccak256(stringToHex('runAgent test content key'))
const deliverySecret = keccak256(stringToHex('runAgent test delivery secret'))

let chain: TestChain
let deployment: Deployment
let client: PublicClient
let listing: ListingSecret

beforeAll(async () => {
  chain = await startTestChain()
  ;({ deployment, client } = chain)
  listing = await listPaidForTest(chain, { creator: CREATOR, key: contentKey, deliverySecret, title: 'runAgent' })
}, 60_000)

afterAll(async () => {
  await chain?.stop()
})

/** A fresh agent key the creator authorizes, funded with `funding`. */
async function newAgent(funding: bigint) {
  const { agent, agentKey } = await addTestAgent(chain, { creator: CREATOR, funding })
  return { agent, wallet: createAgentWallet({ agentKey, chain: foundry, rpcUrl: chain.rpcUrl }) }
}

const buy = () => buyForTest(chain, { buyer: BUYER, contentId: BigInt(listing.contentId) })

async function deliveries(purchaseId: bigint) {
  return client.getContractEvents({
    address: deployment.keyswarm,
    abi: keyswarmAbi,
    eventName: 'Delivered',
    args: { purchaseId },
    fromBlock: 0n,
  })
}

/** A client on the test chain that notes the first block of every `eth_getLogs` it sends. */
function countingLogRanges() {
  const ranges: bigint[] = []
  const upstream = http(chain.rpcUrl)({ chain: foundry })
  const counting: PublicClient = createPublicClient({
    chain: foundry,
    pollingInterval: 50,
    transport: custom({
      request: ({ method, params }) => {
        if (method === 'eth_getLogs') ranges.push(BigInt((params as [{ fromBlock: Hex }])[0].fromBlock))
        return upstream.request({ method, params })
      },
    }),
  })
  return { ranges, counting }
}

async function until(check: () => Promise<boolean>, timeout = 20_000) {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeout) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

test('two agents racing for the same purchases deliver each one exactly once, in batches', async () => {
  const [a, b] = [await newAgent(parseEther('0.02')), await newAgent(parseEther('0.02'))]
  const ids = [await buy(), await buy(), await buy()]
  const controller = new AbortController()
  const batches: number[] = []
  const run = (wallet: typeof a.wallet) =>
    runAgent(client, wallet, {
      deployment,
      listings: () => [listing],
      interval: 100,
      signal: controller.signal,
      onDelivered: (round) => batches.push(round.delivered.length),
    })
  const running = [run(a.wallet), run(b.wallet)]
  await until(async () => (await Promise.all(ids.map(deliveries))).every((logs) => logs.length > 0))
  const later = await buy()
  await until(async () => (await deliveries(later)).length > 0)
  await new Promise((resolve) => setTimeout(resolve, 500))
  controller.abort()
  await Promise.all(running)
  for (const id of [...ids, later]) expect(await deliveries(id)).toHaveLength(1)
  expect(batches.reduce((sum, n) => sum + n, 0)).toBe(4)
  expect(Math.max(...batches)).toBeGreaterThan(1)
})

test('an agent without gas money reports it and sends nothing; topped up and woken, it delivers', async () => {
  const { agent, wallet } = await newAgent(0n)
  const purchaseId = await buy()
  const controller = new AbortController()
  const wake = new EventTarget()
  const errors: unknown[] = []
  let outOfGas: boolean | undefined
  const scans: { toBlock: bigint; waiting: number }[] = []
  const running = runAgent(client, wallet, {
    deployment,
    listings: () => [listing],
    interval: 100,
    maxBackoff: 60_000,
    signal: controller.signal,
    wake,
    onHealth: (health) => (outOfGas = health.outOfGas),
    onScanned: (scan) => scans.push(scan),
    onError: (error) => errors.push(error),
  })
  await until(async () => errors.length >= 2)
  // Each failed round still says how far it read, and that the purchase is left waiting.
  const head = await client.getBlockNumber({ cacheTime: 0 })
  expect(scans.at(-1)).toEqual({ toBlock: head, waiting: 1 })
  expect(errors[0]).toBeInstanceOf(AgentOutOfGasError)
  expect((errors[0] as Error).message).toMatch(/out of gas money \(0 ETH left\)/)
  expect(outOfGas).toBe(true)
  expect(await client.getTransactionCount({ address: agent })).toBe(0)

  await chain.mined(chain.wallet(CREATOR).sendTransaction({ to: agent, value: parseEther('0.02') }))
  // The backoff has grown long by now: only the wake makes the agent try again soon.
  wake.dispatchEvent(new Event('wake'))
  await until(async () => (await deliveries(purchaseId)).length > 0, 5_000)
  await until(async () => scans.at(-1)?.waiting === 0, 5_000)
  // The round that delivers may have read the balance before the top-up was mined: the next one says so.
  await until(async () => outOfGas === false, 5_000)
  controller.abort()
  await running
})

test('after its first round the agent reads only recent blocks, and still sees a new purchase', async () => {
  const { wallet } = await newAgent(parseEther('0.02'))
  const { ranges, counting } = countingLogRanges()
  const controller = new AbortController()
  const running = runAgent(counting, wallet, {
    deployment,
    listings: () => [listing],
    interval: 100,
    signal: controller.signal,
  })
  await until(async () => ranges.length >= 3)
  const purchaseId = await buy()
  await until(async () => (await deliveries(purchaseId)).length > 0)
  controller.abort()
  await running
  // Where the first round starts depends on the log cache and the cursor (see the cursor test below).
  const head = await client.getBlockNumber({ cacheTime: 0 })
  expect(ranges.at(-1)!).toBeGreaterThan(head - 8n)
})

test('a restarted agent catches up from its cursor and delivers the purchases made while it was down', async () => {
  const { wallet } = await newAgent(parseEther('0.02'))
  let state: AgentCursorState | undefined
  const cursor: AgentCursor = { load: async () => state, save: async (next) => void (state = next) }
  const run = (client: PublicClient) => {
    const controller = new AbortController()
    // No log cache: what the second run reads comes from its cursor alone.
    const running = runAgent(client, wallet, {
      deployment,
      listings: () => [listing],
      interval: 100,
      signal: controller.signal,
      cursor,
      cache: null,
    })
    return () => (controller.abort(), running)
  }
  const stopFirst = run(client)
  const first = await buy()
  await until(async () => (await deliveries(first)).length > 0)
  await until(async () => state !== undefined && BigInt(state.fromBlock) > BigInt(deployment.deployBlock))
  await stopFirst()
  const savedFrom = BigInt(state!.fromBlock)
  expect(state!.listings).toEqual([listing.contentId])

  // While it is down: two purchases, and blocks past them.
  const missed = [await buy(), await buy()]
  await chain.time.mine({ blocks: 30 })

  const { ranges, counting } = countingLogRanges()
  const stopSecond = run(counting)
  for (const id of missed) await until(async () => (await deliveries(id)).length > 0)
  await stopSecond()
  // It read from its cursor on, not from the deployment block.
  expect(ranges.length).toBeGreaterThan(0)
  expect(ranges.every((from) => from >= savedFrom)).toBe(true)
  expect(BigInt(state!.fromBlock)).toBeGreaterThan(savedFrom)
})

test('failed rounds back off, doubling up to the limit', async () => {
  const { wallet } = await newAgent(parseEther('0.001'))
  const dead: PublicClient = createPublicClient({
    chain: foundry,
    transport: http(`http://127.0.0.1:${await freePort()}`, { retryCount: 0 }),
  })
  const controller = new AbortController()
  const waits: number[] = []
  const running = runAgent(dead, wallet, {
    deployment,
    listings: () => [listing],
    interval: 20,
    maxBackoff: 100,
    signal: controller.signal,
    onError: (_, retryIn) => waits.push(retryIn),
  })
  await until(async () => waits.length >= 5)
  controller.abort()
  await running
  expect(waits.slice(0, 5)).toEqual([40, 80, 100, 100, 100])
})
