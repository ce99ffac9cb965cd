import { createPublicClient, http, numberToHex } from 'viem'
import { foundry } from 'viem/chains'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { listForTest } from '../../tests/unit-helpers/listForTest'
import { type TestChain, startTestChain } from '../../tests/unit-helpers/startTestChain'
import { type RpcProxy, type StartRpcProxyParameters, startRpcProxy } from './rpcProxy'

let chain: TestChain
let listedFrom: bigint
const proxies: RpcProxy[] = []

beforeAll(async () => {
  chain = await startTestChain()
  listedFrom = (await chain.client.getBlockNumber({ cacheTime: 0 })) + 1n
  // Six listings in six blocks, then 30 empty blocks: enough for ranges and result counts to matter.
  for (let i = 0; i < 6; i++) await listForTest(chain, { creator: 1 })
  await chain.time.mine({ blocks: 30 })
}, 60_000)

afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()))
})

afterAll(() => chain?.stop())

async function proxy(parameters: Omit<StartRpcProxyParameters, 'upstream'> = {}) {
  const started = await startRpcProxy({ upstream: chain.rpcUrl, ...parameters })
  proxies.push(started)
  return started
}

async function post(url: string, body: unknown) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return { status: response.status, body: await response.json(), headers: response.headers }
}

const getLogs = (id: number, fromBlock: bigint | string, toBlock: bigint | string) => ({
  jsonrpc: '2.0',
  id,
  method: 'eth_getLogs',
  params: [
    {
      address: chain.deployment.keyswarm,
      fromBlock: typeof fromBlock === 'bigint' ? numberToHex(fromBlock) : fromBlock,
      toBlock: typeof toBlock === 'bigint' ? numberToHex(toBlock) : toBlock,
    },
  ],
})

test('passes other calls through and counts them by method', async () => {
  const { url, stats } = await proxy()
  const client = createPublicClient({ chain: foundry, transport: http(url) })
  expect(await client.getChainId()).toBe(foundry.id)
  expect(await client.getBlockNumber({ cacheTime: 0 })).toBe(await chain.client.getBlockNumber({ cacheTime: 0 }))
  expect(stats.byMethod).toEqual({ eth_chainId: 1, eth_blockNumber: 1 })
  expect(stats.requests).toBe(2)
  stats.reset()
  expect(stats.calls).toBe(0)
})

test('serves eth_getLogs within the block range and the result cap, and tells how far back it served', async () => {
  const { url, stats } = await proxy({ maxBlockRange: 10, maxResults: 10 })
  const { status, body } = await post(url, getLogs(1, listedFrom, listedFrom + 9n))
  expect(status).toBe(200)
  expect(body.result).toHaveLength(6)
  await post(url, getLogs(2, listedFrom + 2n, listedFrom + 5n))
  expect(stats.lowestLogBlock).toBe(listedFrom)
})

test('refuses a range too wide as Alchemy does, naming a range that works', async () => {
  const { url, stats } = await proxy({ maxBlockRange: 10, provider: 'alchemy' })
  const { status, body } = await post(url, getLogs(7, 1n, 11n))
  expect(status).toBe(200)
  expect(body).toEqual({
    jsonrpc: '2.0',
    id: 7,
    error: {
      code: -32600,
      message:
        'You can make eth_getLogs requests with up to a 10 block range. Based on your parameters, this block range should work: [0x1, 0xa]',
    },
  })
  expect(stats.refused.range).toBe(1)
})

test('refuses a range too wide as Infura does', async () => {
  const { url } = await proxy({ maxBlockRange: 10, provider: 'infura' })
  const { body } = await post(url, getLogs(1, 0n, 20n))
  expect(body.error).toEqual({ code: -32602, message: 'range 21 exceeds limit of 10' })
})

test('refuses a range too wide as QuickNode does, with HTTP 413', async () => {
  const { url } = await proxy({ maxBlockRange: 10_000, provider: 'quicknode' })
  const head = await chain.client.getBlockNumber({ cacheTime: 0 })
  expect((await post(url, getLogs(1, 0n, head))).status).toBe(200)
  const refused = await proxy({ maxBlockRange: 10, provider: 'quicknode' })
  const { status, body } = await post(refused.url, getLogs(1, 0n, head))
  expect(status).toBe(413)
  expect(body.error).toEqual({ code: -32614, message: 'eth_getLogs is limited to a 10 range' })
})

test('counts block tags as the head they stand for', async () => {
  const { url } = await proxy({ maxBlockRange: 10 })
  const head = await chain.client.getBlockNumber({ cacheTime: 0 })
  expect((await post(url, getLogs(1, head - 9n, 'latest'))).body.result).toEqual([])
  expect((await post(url, getLogs(2, head - 10n, 'latest'))).body.error.code).toBe(-32600)
  expect((await post(url, getLogs(3, 'earliest', 'latest'))).body.error.code).toBe(-32600)
})

test('refuses too many results as Alchemy does, and the range it names then works', async () => {
  const { url, stats } = await proxy({ maxBlockRange: 1000, maxResults: 4, provider: 'alchemy' })
  const { body } = await post(url, getLogs(1, listedFrom, listedFrom + 20n))
  expect(body.error.code).toBe(-32602)
  expect(body.error.message).toMatch(/^Log response size exceeded\. .* this block range should work: \[0x[0-9a-f]+, 0x[0-9a-f]+\]$/)
  const [from, to] = /\[(0x[0-9a-f]+), (0x[0-9a-f]+)\]/.exec(body.error.message)!.slice(1).map(BigInt)
  expect(from).toBe(listedFrom)
  const retry = await post(url, getLogs(2, from!, to!))
  expect(retry.body.result).toHaveLength(4)
  expect(stats.refused.results).toBe(1)
})

test('refuses too many results as Infura does, with the range in its data', async () => {
  const { url } = await proxy({ maxBlockRange: 1000, maxResults: 4, provider: 'infura' })
  const { body } = await post(url, getLogs(1, listedFrom, listedFrom + 20n))
  const upper = (value: bigint) => `0x${value.toString(16).toUpperCase()}`
  expect(body.error).toEqual({
    code: -32005,
    message: `query returned more than 4 results. Try with this block range [${upper(listedFrom)}, ${upper(listedFrom + 3n)}].`,
    data: { from: upper(listedFrom), limit: 4, to: upper(listedFrom + 3n) },
  })
})

test('answers each call of a batch by its id', async () => {
  const { url, stats } = await proxy({ maxBlockRange: 10 })
  const { status, body } = await post(url, [
    { jsonrpc: '2.0', id: 'a', method: 'eth_chainId', params: [] },
    getLogs(2, 0n, 50n),
    getLogs(3, listedFrom, listedFrom + 2n),
  ])
  expect(status).toBe(200)
  expect(body.map((one: { id: unknown }) => one.id)).toEqual(['a', 2, 3])
  expect(body[0].result).toBe(numberToHex(foundry.id))
  expect(body[1].error.code).toBe(-32600)
  expect(body[2].result).toHaveLength(3)
  expect(stats).toMatchObject({ requests: 1, calls: 3, byMethod: { eth_chainId: 1, eth_getLogs: 2 } })
})

test('limits calls a second with HTTP 429, a batch counting each call, and serves again a second later', async () => {
  const { url, stats } = await proxy({ rps: 3, provider: 'infura' })
  const chainId = (id: number) => ({ jsonrpc: '2.0', id, method: 'eth_chainId', params: [] })
  const overBatch = await post(url, [chainId(1), chainId(2), chainId(3), chainId(4)])
  expect(overBatch.status).toBe(429)
  expect(overBatch.body[0].error).toMatchObject({ code: -32005, message: 'project ID request rate exceeded' })
  expect(overBatch.headers.get('access-control-allow-origin')).toBe('*')
  for (let id = 1; id <= 3; id++) expect((await post(url, chainId(id))).status).toBe(200)
  const over = await post(url, chainId(4))
  expect(over.status).toBe(429)
  expect(over.body).toMatchObject({ id: 4, error: { code: -32005 } })
  expect(stats.refused.rate).toBe(5)
  await new Promise((resolve) => setTimeout(resolve, 1100))
  expect((await post(url, chainId(5))).status).toBe(200)
})

test('a viem client sees the provider’s refusal in its error', async () => {
  const { url } = await proxy({ maxBlockRange: 10, provider: 'infura' })
  const client = createPublicClient({ chain: foundry, transport: http(url, { retryCount: 0 }) })
  await expect(client.getLogs({ address: chain.deployment.keyswarm, fromBlock: 0n, toBlock: 20n })).rejects.toThrow(
    'range 21 exceeds limit of 10',
  )
})

test('answers a body that is not JSON with a parse error', async () => {
  const { url } = await proxy()
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' })
  expect(await response.json()).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } })
})
