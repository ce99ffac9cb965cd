/**
 * /library's reads against a real anvil chain behind an endpoint that refuses `eth_getLogs` over
 * 100 blocks: one scan serves the creator's and the buyer's parts, and what shows while older
 * ranges load is the newest listings, each already complete.
 */
import { type PublicClient, createPublicClient, http } from 'viem'
import { foundry } from 'viem/chains'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buyForTest } from '../../tests/unit-helpers/buyForTest'
import { listForTest } from '../../tests/unit-helpers/listForTest'
import { type LimitedRpc, startLimitedRpc } from '../../tests/unit-helpers/startLimitedRpc'
import { type TestChain, startTestChain } from '../../tests/unit-helpers/startTestChain'
import { keyswarmAbi } from './abi/keyswarmAbi'
import { type LibrarySnapshot, readLibrary } from './readLibrary'
import { readMany } from './readMany'

const CREATOR = 3
const OTHER_CREATOR = 4
const BUYER = 5
const LIMIT = 100n

let chain: TestChain
let rpc: LimitedRpc
let client: PublicClient
/** The last block of the oldest stretch: ranges reaching below it answer slowly. */
let oldStretchEnd: bigint

beforeAll(async () => {
  chain = await startTestChain()
  // Three stretches of ~150 blocks, each with a listing of the creator sold twice and another creator's sold once.
  for (let stretch = 0; stretch < 3; stretch++) {
    const mine = await listForTest(chain, { creator: CREATOR, title: `mine ${stretch}` })
    const theirs = await listForTest(chain, { creator: OTHER_CREATOR, title: `theirs ${stretch}` })
    await buyForTest(chain, { buyer: BUYER, contentId: mine })
    await buyForTest(chain, { buyer: 6, contentId: mine })
    await buyForTest(chain, { buyer: BUYER, contentId: theirs })
    if (stretch === 0) oldStretchEnd = await chain.client.getBlockNumber({ cacheTime: 0 })
    await chain.time.mine({ blocks: 150 })
  }
  rpc = await startLimitedRpc(chain.rpcUrl, async ({ id, method, params }) => {
    if (method !== 'eth_getLogs') return undefined
    const { fromBlock, toBlock } = params[0] as { fromBlock: string; toBlock: string }
    const span = BigInt(toBlock) - BigInt(fromBlock) + 1n
    if (span > LIMIT)
      return {
        body: { jsonrpc: '2.0', id, error: { code: -32602, message: `range ${span} exceeds limit of ${LIMIT}` } },
      }
    // The oldest blocks come late, as the far end of a long history does.
    if (BigInt(fromBlock) <= oldStretchEnd) await new Promise((resolve) => setTimeout(resolve, 600))
    return undefined
  })
  client = createPublicClient({ chain: foundry, transport: http(rpc.url) })
}, 120_000)

afterAll(async () => {
  await rpc?.stop()
  await chain?.stop()
})

test('one scan of the events serves the creator and the buyer, newest listings first and each complete', async () => {
  const snapshots: LibrarySnapshot[] = []
  const account = chain.account(CREATOR).address
  const final = await readLibrary(client, {
    deployment: chain.deployment,
    creator: account,
    buyer: chain.account(BUYER).address,
    interval: 0,
    onProgress: (snapshot) => snapshots.push(snapshot),
  })

  expect(final.done).toBe(true)
  expect(final.listings.map((l) => l.title)).toEqual(['mine 2', 'mine 1', 'mine 0'])
  expect(final.listings.map((l) => l.sales.length)).toEqual([2, 2, 2])
  expect(final.listings.every((l) => l.stats.sold === 2 && l.keys.waiting === 2)).toBe(true)
  expect(final.purchases.map((p) => p.listing?.title)).toEqual([
    'theirs 2',
    'mine 2',
    'theirs 1',
    'mine 1',
    'theirs 0',
    'mine 0',
  ])
  expect(final.balances[0]!.inEscrow).toBeGreaterThan(0n)

  // While the oldest range was still coming, the newer listings showed, with all their sales.
  expect(snapshots.length).toBeGreaterThan(0)
  expect(snapshots[0]!.done).toBe(false)
  expect(snapshots[0]!.listings.map((l) => l.title)).not.toContain('mine 0')
  for (const snapshot of snapshots) {
    const titles = snapshot.listings.map((l) => l.title)
    expect(titles).toEqual(final.listings.slice(0, titles.length).map((l) => l.title))
    expect(snapshot.listings.every((l) => l.sales.length === 2)).toBe(true)
  }

  // One scan: every eth_getLogs asks for the four events at once, and no block is read twice.
  const logRequests = rpc.seen.filter((r) => r.method === 'eth_getLogs')
  expect(logRequests.every((r) => ((r.params[0] as { topics: unknown[] }).topics[0] as unknown[]).length === 4)).toBe(
    true,
  )
  const read = rpc.logRanges().filter((r) => r.to - r.from + 1n <= LIMIT)
  const blocks = read.reduce((sum, r) => sum + (r.to - r.from + 1n), 0n)
  const top = read.reduce((max, r) => (r.to > max ? r.to : max), 0n)
  expect(blocks).toBe(top - BigInt(chain.deployment.deployBlock) + 1n)
})

test('with a memo, a round of state reads asks only for what no earlier round read', async () => {
  const keyswarm = { address: chain.deployment.keyswarm, abi: keyswarmAbi } as const
  const listing = (id: bigint) => ({ ...keyswarm, functionName: 'listings', args: [id] }) as const
  const memo = new Map<string, unknown>()
  const calls = () => rpc.seen.filter((r) => r.method === 'eth_call').length

  const start = calls()
  const first = await readMany(client, [listing(1n), listing(2n)], { memo })
  expect(calls() - start).toBe(1)
  const again = await readMany(client, [listing(1n), listing(2n)], { memo })
  expect(calls() - start).toBe(1)
  expect(again).toEqual(first)
  const more = await readMany(client, [listing(1n), listing(2n), listing(3n)], { memo })
  expect(calls() - start).toBe(2)
  expect(more.slice(0, 2)).toEqual(first)
  expect(more[2]).toEqual((await readMany(client, [listing(3n)]))[0])
})

test('a creator’s whole library costs two state reads: one batch for listings and sales, one for balances', async () => {
  const stateReads = () => rpc.seen.filter((r) => r.method === 'eth_call').length
  const start = stateReads()
  const library = await readLibrary(client, { deployment: chain.deployment, creator: chain.account(CREATOR).address })
  // 3 listings (state and counters) and 6 sales: 12 reads, and two token balances.
  expect(library.listings.flatMap((l) => l.sales)).toHaveLength(6)
  expect(library.balances).toHaveLength(2)
  expect(stateReads() - start).toBe(2)

  // Shown as it arrives: one batch per round of what the round brought, balances read once.
  const rounds: LibrarySnapshot[] = []
  const before = stateReads()
  const again = await readLibrary(client, {
    deployment: chain.deployment,
    creator: chain.account(CREATOR).address,
    interval: 0,
    onProgress: (snapshot) => rounds.push(snapshot),
  })
  expect(again.listings).toEqual(library.listings)
  expect(stateReads() - before).toBeLessThanOrEqual(rounds.length + 2)
})

test('the whole library comes as soon as the scan is done, not after a round’s pause', async () => {
  // A minute between rounds: the first round is still pausing when the scan ends.
  const final = await readLibrary(client, {
    deployment: chain.deployment,
    creator: chain.account(CREATOR).address,
    interval: 60_000,
    onProgress: () => {},
  })
  expect(final.done).toBe(true)
  expect(final.listings).toHaveLength(3)
}, 30_000)
