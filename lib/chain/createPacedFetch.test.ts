/**
 * Pacing against the harness's public-RPC-like proxy (scripts/lib/rpcProxy.ts: a sliding
 * one-second window, HTTP 429 beyond it, in Alchemy's shape), in front of a node that answers
 * every call: what the endpoint refuses once, it is never asked too fast again.
 */
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createPublicClient, http } from 'viem'
import { foundry } from 'viem/chains'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import { type RpcProxy, startRpcProxy } from '../../scripts/lib/rpcProxy'
import { createPacedFetch } from './createPacedFetch'

const RPS = 20

let node: Server
let upstream: string
let proxy: RpcProxy

beforeAll(async () => {
  // The node behind the proxy: any call is answered at once, so only the proxy's rate is measured.
  node = createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()))
    req.on('end', () => {
      const { id } = JSON.parse(raw) as { id: unknown }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id, result: '0x1' }))
    })
  })
  await new Promise<void>((resolve) => node.listen(0, '127.0.0.1', resolve))
  upstream = `http://127.0.0.1:${(node.address() as AddressInfo).port}`
})

// A proxy per test: its window must not hold the calls of the test before.
beforeEach(async () => {
  proxy = await startRpcProxy({ upstream, rps: RPS, provider: 'alchemy' })
})

afterEach(async () => {
  await proxy.close()
})

afterAll(async () => {
  await new Promise((resolve) => node?.close(resolve))
})

function clientOf(fetchFn: ReturnType<typeof createPacedFetch>) {
  return createPublicClient({ chain: foundry, transport: http(proxy.url, { fetchFn }) })
}

/** `count` requests at once, each a call the proxy counts. */
function burst(client: ReturnType<typeof clientOf>, count: number) {
  return Promise.all(Array.from({ length: count }, () => client.request({ method: 'eth_blockNumber' })))
}

test('after its first HTTP 429, a burst waits for room in the window instead of being refused again', async () => {
  const paced = createPacedFetch((input, init) => fetch(input, init))
  const client = clientOf(paced)
  expect(await burst(client, 30)).toHaveLength(30)
  // The first burst went out at once: what the window could not take was refused, and taught the budget.
  expect(proxy.stats.refused.rate).toBe(10)
  expect(paced.limit).toBe(RPS)

  expect(await burst(client, 2 * RPS)).toHaveLength(2 * RPS)
  expect(proxy.stats.refused.rate).toBe(10)
})

test('a budget known ahead is never exceeded, even by the first burst', async () => {
  const paced = createPacedFetch((input, init) => fetch(input, init), { limit: RPS })
  expect(await burst(clientOf(paced), 2 * RPS + 5)).toHaveLength(2 * RPS + 5)
  expect(proxy.stats.refused.rate).toBe(0)
  expect(proxy.stats.calls).toBe(2 * RPS + 5)
})
