import { statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPublicClient, http, parseEventLogs } from 'viem'
import { foundry } from 'viem/chains'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import { type ChainHistory, type ChainHistoryParameters, ensureChainHistory } from './chainHistory'
import { multicall3Address } from './installMulticall3'
import { freePort, startAnvil } from './startStack'

const plan = { listings: 30, purchases: 10, library: { listings: 4, sales: 12 }, agent: { listings: 2, purchases: 5 } }
let cacheDir: string
let parameters: ChainHistoryParameters
let history: ChainHistory

beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'chain-history-'))
  parameters = { blocks: 300, fill: plan, cacheDir }
  history = await ensureChainHistory(parameters)
}, 600_000)

afterAll(() => rm(cacheDir, { recursive: true, force: true }))

test('a second ask loads the cached history instead of building it again', async () => {
  const built = statSync(history.stateFile).mtimeMs
  const again = await ensureChainHistory(parameters)
  expect(again.stateFile).toBe(history.stateFile)
  expect(statSync(again.stateFile).mtimeMs).toBe(built)
})

test('a loaded history holds its blocks, every listing and purchase spread over them, and Multicall3', async () => {
  const anvil = await startAnvil({ port: await freePort(), loadState: history.stateJsonFile })
  try {
    const client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) })
    const head = await client.getBlockNumber({ cacheTime: 0 })
    expect(Number(head)).toBe(history.head)
    expect(history.head - history.deployment.deployBlock).toBeGreaterThanOrEqual(300)
    const logs = parseEventLogs({
      abi: keyswarmAbi,
      logs: await client.getLogs({ address: history.deployment.keyswarm, fromBlock: 0n, toBlock: head }),
    })
    const listed = logs.filter((log) => log.eventName === 'Listed')
    const purchased = logs.filter((log) => log.eventName === 'Purchased')
    expect(listed).toHaveLength(plan.listings)
    expect(purchased).toHaveLength(plan.purchases + plan.library.sales + plan.agent.purchases)
    // Spread: events in the first and the last tenth of the history.
    const blocks = [...listed, ...purchased].map((log) => Number(log.blockNumber))
    expect(Math.min(...blocks)).toBeLessThan(history.deployment.deployBlock + 30)
    expect(Math.max(...blocks)).toBeGreaterThan(history.head - 30)
    const byLibrary = listed.filter((log) => log.args.creator === history.fill!.library.creator)
    expect(byLibrary).toHaveLength(plan.library.listings)
    expect(history.fill!.agent.listings.map((listing) => listing.contentId)).toEqual(
      listed.filter((log) => log.args.creator === history.fill!.agent.creator).map((log) => String(log.args.contentId)),
    )
    expect(await client.getCode({ address: multicall3Address })).toMatch(/^0x60/)
    // The history lies in the past: the next block carries the wall clock.
    const last = await client.getBlock({ blockNumber: head })
    expect(Number(last.timestamp)).toBeLessThan(Date.now() / 1000)
  } finally {
    await anvil.stop()
  }
})
