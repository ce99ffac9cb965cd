/**
 * The one event reader against a real anvil chain behind a real HTTP endpoint that refuses what
 * public providers refuse, in their own error shapes: ranges split and grow back, rate limits are
 * waited out, failures end in one sentence, and the cache makes a second read ask only for new blocks.
 */
import { type PublicClient, createPublicClient, getAbiItem, http, numberToHex } from 'viem'
import { foundry } from 'viem/chains'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { type RpcProvider } from '../../scripts/lib/rpcProxyErrors'
import { startRpcProxy } from '../../scripts/lib/rpcProxy'
import { listForTest } from '../../tests/unit-helpers/listForTest'
import { type LimitRule, type LimitedRpc, startLimitedRpc } from '../../tests/unit-helpers/startLimitedRpc'
import { type TestChain, startTestChain } from '../../tests/unit-helpers/startTestChain'
import { keyswarmAbi } from './abi/keyswarmAbi'
import { createLogCache } from './createLogCache'
import { LogScanError } from './errors'
import { scanLogs } from './scanLogs'

const listedEvent = getAbiItem({ abi: keyswarmAbi, name: 'Listed' })
/** The endpoint's block limit in these tests: small, so a short history needs many ranges. */
const LIMIT = 100n

let chain: TestChain
let rpc: LimitedRpc
let client: PublicClient
let expected: bigint[]

beforeAll(async () => {
  chain = await startTestChain()
  // Listings spread over ~500 blocks, several per stretch.
  for (let stretch = 0; stretch < 4; stretch++) {
    await listForTest(chain, { creator: 1, title: `stretch ${stretch} a` })
    await listForTest(chain, { creator: 2, title: `stretch ${stretch} b` })
    await chain.time.mine({ blocks: 120 })
  }
  expected = (await readAll()).map((log) => log.args.contentId!)
  expect(expected.length).toBe(8)
  rpc = await startLimitedRpc(chain.rpcUrl)
  client = createPublicClient({ chain: foundry, transport: http(rpc.url) })
}, 120_000)

afterAll(async () => {
  await rpc?.stop()
  await chain?.stop()
})

afterEach(() => {
  rpc.setRule(undefined)
  rpc.seen.length = 0
})

function readAll() {
  return chain.client.getLogs({ address: chain.deployment.keyswarm, event: listedEvent, fromBlock: 0n })
}

function scan(params: Partial<Parameters<typeof scanLogs<typeof listedEvent>>[1]> = {}) {
  return scanLogs(client, {
    address: chain.deployment.keyswarm,
    event: listedEvent,
    fromBlock: BigInt(chain.deployment.deployBlock),
    cache: null,
    range: 1000,
    retryDelay: 20,
    ...params,
  })
}

const rpcError = (id: unknown, code: number, message: string) => ({
  body: { jsonrpc: '2.0', id, error: { code, message } },
})

/** Refuses `eth_getLogs` over LIMIT blocks with the error `shape` gives for the range asked. */
function refuseRangesOver(shape: (span: bigint, from: bigint) => { code: number; message: string }): LimitRule {
  return ({ id, method, params }) => {
    if (method !== 'eth_getLogs') return undefined
    const { fromBlock, toBlock } = params[0] as { fromBlock: string; toBlock: string }
    const span = BigInt(toBlock) - BigInt(fromBlock) + 1n
    if (span <= LIMIT) return undefined
    const { code, message } = shape(span, BigInt(fromBlock))
    return rpcError(id, code, message)
  }
}

/** Refuses `eth_getLogs` that would return more than `max` logs, as result-capped providers do. */
function refuseResultsOver(max: number, code: number, message: string): LimitRule {
  return async ({ id, method, params }, { upstream }) => {
    if (method !== 'eth_getLogs') return undefined
    const answer = await fetch(upstream, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
    }).then((r) => r.json() as Promise<{ result: unknown[] }>)
    return answer.result.length > max ? rpcError(id, code, message) : undefined
  }
}

const blockRangeShapes: Record<string, (span: bigint, from: bigint) => { code: number; message: string }> = {
  'Infura (-32602 range exceeds limit)': (span) => ({
    code: -32602,
    message: `range ${span} exceeds limit of ${LIMIT}`,
  }),
  'Alchemy (suggested range)': (_, from) => ({
    code: -32600,
    message: `Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response. Based on your parameters and the response size limit, this block range should work: [${numberToHex(from)}, ${numberToHex(from + LIMIT - 1n)}]`,
  }),
  'QuickNode (-32614 limited to a range)': () => ({
    code: -32614,
    message: `eth_getLogs is limited to a ${LIMIT.toLocaleString('en-US')} range`,
  }),
  'Ankr (block range is too wide)': () => ({ code: -32600, message: 'block range is too wide' }),
  'publicnode (exceed maximum block range)': () => ({ code: -32000, message: `exceed maximum block range: ${LIMIT}` }),
  "Base's public RPC (block range too large)": () => ({ code: -32000, message: 'block range too large' }),
  'Tenderly (range is bigger than range limit)': (span) => ({
    code: -32602,
    message: `range ${span} is bigger than range limit ${LIMIT}`,
  }),
}

describe('splits the ranges an endpoint refuses and reads every log', () => {
  for (const [provider, shape] of Object.entries(blockRangeShapes))
    test(`against ${provider}`, async () => {
      rpc.setRule(refuseRangesOver(shape))
      const { logs } = await scan()
      expect(logs.map((l) => l.args.contentId)).toEqual(expected)
      const ranges = rpc.logRanges()
      expect(ranges.some((r) => r.to - r.from + 1n > LIMIT)).toBe(true) // it did start too wide
      expect(ranges.filter((r) => r.to - r.from + 1n <= LIMIT).length).toBeGreaterThan(0)
    })

  const resultShapes: [string, number, string][] = [
    ['Infura (-32005 more than 10000 results)', -32005, 'query returned more than 10000 results'],
    ['llamarpc (query exceeds max results)', -32602, 'query exceeds max results 20000, retry with the range 1-200'],
    ['Arbitrum (logs matched by query exceeds limit)', -32602, 'logs matched by query exceeds limit of 10000'],
  ]
  for (const [provider, code, message] of resultShapes)
    test(`against ${provider}`, async () => {
      rpc.setRule(refuseResultsOver(2, code, message))
      const { logs } = await scan()
      expect(logs.map((l) => l.args.contentId)).toEqual(expected)
    })
})

describe("reads everything through the stack's public-RPC-like proxy", () => {
  for (const provider of ['alchemy', 'infura', 'quicknode'] satisfies RpcProvider[])
    test(`refusing in ${provider}'s shapes, ranges, results and rate alike`, async () => {
      const proxy = await startRpcProxy({
        upstream: chain.rpcUrl,
        maxBlockRange: 100,
        maxResults: 2,
        rps: 20,
        provider,
      })
      try {
        const through = createPublicClient({ chain: foundry, transport: http(proxy.url, { retryCount: 0 }) })
        const { logs } = await scanLogs(through, {
          address: chain.deployment.keyswarm,
          event: listedEvent,
          fromBlock: BigInt(chain.deployment.deployBlock),
          cache: null,
          retryDelay: 50,
        })
        expect(logs.map((l) => l.args.contentId)).toEqual(expected)
        expect(proxy.stats.refused.range + proxy.stats.refused.results).toBeGreaterThan(0)
      } finally {
        await proxy.close()
      }
    })
})

test('a first range too big for the endpoint is refused once, not once per request in flight', async () => {
  rpc.setRule(refuseRangesOver(blockRangeShapes['Infura (-32602 range exceeds limit)']!))
  // Four requests' worth of blocks at the first size, each over the limit.
  const { logs } = await scan({ range: Number(LIMIT) + 20, concurrency: 4 })
  const refused = rpc.logRanges().filter((r) => r.to - r.from + 1n > LIMIT)
  expect(refused).toHaveLength(1)
  expect(logs.map((l) => l.args.contentId)).toEqual(expected)
})

test('grows the range back after a split, instead of crawling at the smallest size', async () => {
  // Only the newest 200 blocks are dense enough to be refused; the older history is cheap again.
  rpc.setRule(refuseResultsOver(1, -32005, 'query returned more than 10000 results'))
  await scan({ range: 400 })
  const sizes = rpc.logRanges().map((r) => Number(r.to - r.from + 1n))
  const smallest = Math.min(...sizes)
  const afterSmallest = sizes.slice(sizes.indexOf(smallest) + 1)
  expect(afterSmallest.some((size) => size > smallest)).toBe(true)
})

test('waits out HTTP 429 and -32005 rate limits and still reads everything', async () => {
  let refused = 0
  rpc.setRule(({ id, method }) => {
    if (method !== 'eth_getLogs' || refused >= 4) return undefined
    refused += 1
    return refused % 2 ? { status: 429, body: 'Too Many Requests' } : rpcError(id, -32005, 'limit exceeded')
  })
  const { logs, requests } = await scan()
  expect(refused).toBe(4)
  expect(requests).toBeGreaterThan(4)
  expect(logs.map((l) => l.args.contentId)).toEqual(expected)
})

test('an endpoint that stays down ends in one sentence, with what was read before it kept', async () => {
  let calls = 0
  rpc.setRule(({ method }) => {
    if (method !== 'eth_getLogs') return undefined
    calls += 1
    return calls === 1 ? undefined : { status: 503, body: 'Service Unavailable' }
  })
  const pages: bigint[] = []
  const error = await scan({ range: 100, concurrency: 1, retries: 2, onPage: (p) => pages.push(p.toBlock) }).catch(
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(LogScanError)
  expect((error as Error).message).toMatch(/try again/)
  expect(pages).toHaveLength(1)
})

test('an endpoint answering nonsense ends in a LogScanError, not in wrong listings', async () => {
  rpc.setRule(({ id, method }) =>
    method === 'eth_getLogs' ? { body: { jsonrpc: '2.0', id, result: 'nonsense' } } : undefined,
  )
  await expect(scan({ retries: 1 })).rejects.toBeInstanceOf(LogScanError)
})

test('delivers the newest range first, then older ones in order', async () => {
  const pages: { from: bigint; to: bigint }[] = []
  await scan({ range: 100, onPage: (p) => pages.push({ from: p.fromBlock, to: p.toBlock }) })
  const head = await chain.client.getBlockNumber({ cacheTime: 0 })
  expect(pages[0]!.to).toBe(head)
  for (let i = 1; i < pages.length; i++) expect(pages[i]!.to).toBe(pages[i - 1]!.from - 1n)
  expect(pages.at(-1)!.from).toBe(BigInt(chain.deployment.deployBlock))
})

describe('the cache', () => {
  test('a second visit reads only the blocks that are new since the first', async () => {
    const cache = createLogCache()
    const first = await scan({ cache, reorgDepth: 4 })
    const firstRanges = rpc.logRanges().length
    expect(firstRanges).toBeGreaterThan(0)
    const newId = await listForTest(chain, { creator: 3, title: 'after the first visit' })
    await chain.time.mine({ blocks: 10 })
    rpc.seen.length = 0
    const second = await scan({ cache, reorgDepth: 4 })
    const ranges = rpc.logRanges()
    // Only what was past the final block of the first visit is asked for again, in one request.
    expect(ranges).toHaveLength(1)
    expect(ranges[0]!.from).toBe(first.toBlock - 4n + 1n)
    expect(second.logs.map((l) => l.args.contentId)).toEqual([...expected, newId])
    expected.push(newId)
  })

  test('logs within the reorg depth of the head are read again, never taken from the cache', async () => {
    const cache = createLogCache()
    await chain.time.mine({ blocks: 5 })
    const newId = await listForTest(chain, { creator: 3, title: 'near the head' })
    const listedAt = await chain.client.getBlockNumber({ cacheTime: 0 })
    await scan({ cache, reorgDepth: 8 })
    const stored = (await cache.load([...(cache as unknown as { verified: Set<string> }).verified][0]!))!
    expect(stored.ranges.at(-1)![1]).toBe(listedAt - 8n)
    expect(stored.logs.some((l) => (l as unknown as { args: { contentId: bigint } }).args.contentId === newId)).toBe(
      false,
    )
    rpc.seen.length = 0
    const again = await scan({ cache, reorgDepth: 8 })
    expect(rpc.logRanges()[0]!.from).toBeLessThanOrEqual(listedAt)
    expect(again.logs.at(-1)!.args.contentId).toBe(newId)
    expected.push(newId)
  })

  test('an entry whose anchor block the chain no longer has is dropped and read again', async () => {
    const cache = createLogCache()
    await scan({ cache })
    const key = [...cache.verified][0]!
    const entry = (await cache.load(key))!
    await cache.save(key, { ...entry, anchor: { ...entry.anchor, hash: `0x${'00'.repeat(32)}` } })
    cache.verified.clear()
    rpc.seen.length = 0
    const { logs } = await scan({ cache })
    expect(rpc.logRanges()[0]!.to - rpc.logRanges().at(-1)!.from).toBeGreaterThan(100n) // the whole history again
    expect(logs.map((l) => l.args.contentId)).toEqual(expected)
  })
})
