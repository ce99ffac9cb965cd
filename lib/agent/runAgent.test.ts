/**
 * The agent loop against a real anvil chain (automine): a purchase is never delivered twice even
 * with two agents racing, an agent without gas money says so and sends nothing, and failed
 * rounds back off.
 */
import {
  type Hex,
  type PublicClient,
  createPublicClient,
  createWalletClient,
  custom,
  http,
  keccak256,
  parseEther,
  parseEventLogs,
  stringToHex,
  zeroAddress,
} from 'viem'
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { deployAll } from '../../scripts/deploy'
import { anvilDeployerKey, freePort, startAnvil, devMnemonic } from '../../scripts/lib/startStack'
import { keyswarmAbi } from '../chain/abi/keyswarmAbi'
import type { Deployment } from '../chain/deployments/index'
import { keyHash, publicPoint } from '../crypto'
import type { ListingSecret } from '../purchases/types'
import { createAgentWallet } from './createAgentWallet'
import { AgentOutOfGasError } from './errors'
import { runAgent } from './runAgent'

const creator = mnemonicToAccount(devMnemonic, { addressIndex: 1 })
const buyer = mnemonicToAccount(devMnemonic, { addressIndex: 2 })
const contentKey = keccak256(stringToHex('runAgent test content key'))
const deliverySecret = keccak256(stringToHex('runAgent test delivery secret'))

let chain: Awaited<ReturnType<typeof startAnvil>>
let deployment: Deployment
let client: PublicClient
let listing: ListingSecret

const asCreator = () => createWalletClient({ account: creator, chain: foundry, transport: http(chain.rpcUrl) })
const mined = async (hash: Promise<Hex>) => client.waitForTransactionReceipt({ hash: await hash })

beforeAll(async () => {
  chain = await startAnvil({ port: await freePort() })
  deployment = await deployAll({ rpcUrl: chain.rpcUrl, privateKey: anvilDeployerKey, mockStablecoin: true })
  client = createPublicClient({ chain: foundry, transport: http(chain.rpcUrl), pollingInterval: 50 })
  const C = publicPoint(deliverySecret)
  const listed = await mined(
    asCreator().writeContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'list',
      args: [
        {
          infoHash: '0x3333333333333333333333333333333333333333',
          size: 1_000_000n,
          token: zeroAddress,
          price: parseEther('0.01'),
          seedShareBps: 1_000,
          keyHash: keyHash(contentKey),
          deliveryX: C.x,
          deliveryY: C.y,
          title: 'runAgent',
          description: '',
          trackers: [],
          webSeeds: [],
        },
      ],
    }),
  )
  const contentId = parseEventLogs({ abi: keyswarmAbi, logs: listed.logs, eventName: 'Listed' })[0]!.args.contentId
  listing = {
    chainId: foundry.id,
    contentId: String(contentId),
    creator: creator.address,
    infoHash: '33'.repeat(20),
    key: contentKey,
    deliverySecret,
    salt: `0x${'00'.repeat(32)}`,
  }
}, 60_000)

afterAll(async () => {
  await chain?.stop()
})

/** A fresh agent key the creator authorizes, funded with `funding`. */
async function newAgent(funding: bigint) {
  const agentKey = generatePrivateKey()
  const agent = privateKeyToAccount(agentKey).address
  await mined(
    asCreator().writeContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'setAgent',
      args: [agent, true],
    }),
  )
  if (funding > 0n) await mined(asCreator().sendTransaction({ to: agent, value: funding }))
  return { agent, wallet: createAgentWallet({ agentKey, chain: foundry, rpcUrl: chain.rpcUrl }) }
}

async function buy(): Promise<bigint> {
  const B = publicPoint(keccak256(stringToHex(`session ${Math.random()}`)))
  const receipt = await mined(
    createWalletClient({ account: buyer, chain: foundry, transport: http(chain.rpcUrl) }).writeContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'purchase',
      args: [BigInt(listing.contentId), B.x, B.y, parseEther('0.01')],
      value: parseEther('0.01'),
    }),
  )
  return parseEventLogs({ abi: keyswarmAbi, logs: receipt.logs, eventName: 'Purchased' })[0]!.args.purchaseId
}

async function deliveries(purchaseId: bigint) {
  return client.getContractEvents({
    address: deployment.keyswarm,
    abi: keyswarmAbi,
    eventName: 'Delivered',
    args: { purchaseId },
    fromBlock: 0n,
  })
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
  const running = runAgent(client, wallet, {
    deployment,
    listings: () => [listing],
    interval: 100,
    maxBackoff: 60_000,
    signal: controller.signal,
    wake,
    onHealth: (health) => (outOfGas = health.outOfGas),
    onError: (error) => errors.push(error),
  })
  await until(async () => errors.length >= 2)
  expect(errors[0]).toBeInstanceOf(AgentOutOfGasError)
  expect((errors[0] as Error).message).toMatch(/out of gas money \(0 ETH left\)/)
  expect(outOfGas).toBe(true)
  expect(await client.getTransactionCount({ address: agent })).toBe(0)

  await mined(asCreator().sendTransaction({ to: agent, value: parseEther('0.02') }))
  // The backoff has grown long by now: only the wake makes the agent try again soon.
  wake.dispatchEvent(new Event('wake'))
  await until(async () => (await deliveries(purchaseId)).length > 0, 5_000)
  expect(outOfGas).toBe(false)
  controller.abort()
  await running
})

test('after its first round the agent reads only recent blocks, and still sees a new purchase', async () => {
  const { wallet } = await newAgent(parseEther('0.02'))
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
  expect(ranges[0]).toBe(BigInt(deployment.deployBlock))
  const head = await client.getBlockNumber()
  expect(ranges.at(-1)!).toBeGreaterThan(head - 5n)
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
