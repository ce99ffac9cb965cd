import { parseEther, zeroAddress } from 'viem'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buyForTest } from '../../tests/unit-helpers/buyForTest'
import { listForTest } from '../../tests/unit-helpers/listForTest'
import { type TestChain, startTestChain } from '../../tests/unit-helpers/startTestChain'
import { keyswarmAbi } from './abi/keyswarmAbi'
import { readBuyerPurchases } from './readBuyerPurchases'
import { readCreatorBalances } from './readCreatorBalances'
import { readCreatorListings } from './readCreatorListings'

const CREATOR = 1
const BUYER = 2

let chain: TestChain

beforeAll(async () => {
  chain = await startTestChain()
}, 60_000)

afterAll(() => chain?.stop())

test('a creator’s listings, sales and money follow purchases, deliveries, time and settlement', async () => {
  const { client, deployment, time, mined } = chain
  const creator = chain.account(CREATOR)
  const buyer = chain.account(BUYER)
  const asCreator = chain.wallet(CREATOR)
  const asBuyer = chain.wallet(BUYER)
  const keyswarm = { address: deployment.keyswarm, abi: keyswarmAbi } as const

  expect(await readCreatorListings(client, { deployment, creator: creator.address })).toEqual([])
  const contentId = await listForTest(chain, {
    creator: CREATOR,
    title: 'Sold three times',
    trackers: ['wss://first.example'],
  })
  expect((await readCreatorListings(client, { deployment, creator: creator.address }))[0]!.contentId).toBe(contentId)
  const ids: bigint[] = []
  for (let i = 0; i < 3; i++) ids.push(await buyForTest(chain, { buyer: BUYER, contentId }))
  await mined(
    asCreator.writeContract({
      ...keyswarm,
      functionName: 'deliverMany',
      args: [ids.slice(0, 2), [`0x${'01'.repeat(32)}`, `0x${'02'.repeat(32)}`]],
    }),
  )
  await mined(
    asCreator.writeContract({
      ...keyswarm,
      functionName: 'setSources',
      args: [contentId, ['wss://second.example'], ['https://seed.example/']],
    }),
  )
  await mined(asCreator.writeContract({ ...keyswarm, functionName: 'setPrice', args: [contentId, parseEther('0.02')] }))

  const share = parseEther('0.009')
  let [listing] = await readCreatorListings(client, { deployment, creator: creator.address })
  expect(listing).toMatchObject({
    title: 'Sold three times',
    price: parseEther('0.01'),
    currentPrice: parseEther('0.02'),
    active: true,
    stats: { sold: 3, delivered: 0, refunded: 0, disputed: 0 },
    keys: { waiting: 1, delivered: 2, missed: 0 },
    sources: { trackers: ['wss://second.example'], webSeeds: ['https://seed.example/'] },
  })
  const balances = await readCreatorBalances(client, { deployment, creator: creator.address, listings: [listing!] })
  let eth = balances[0]
  const stablecoin = balances[1]
  expect(eth).toEqual({ token: zeroAddress, withdrawable: 0n, settleable: 0n, settleIds: [], inEscrow: 3n * share })
  expect(stablecoin).toEqual({
    token: deployment.stablecoin,
    withdrawable: 0n,
    settleable: 0n,
    settleIds: [],
    inEscrow: 0n,
  })

  // Past both windows: the two deliveries are final but unsettled, the third purchase expired undelivered.
  await time.increaseTime({ seconds: 2 * 60 * 60 + 1 })
  await time.mine({ blocks: 1 })
  ;[listing] = await readCreatorListings(client, { deployment, creator: creator.address })
  expect(listing!.keys).toEqual({ waiting: 0, delivered: 2, missed: 1 })
  ;[eth] = await readCreatorBalances(client, { deployment, creator: creator.address, listings: [listing!] })
  expect(eth).toMatchObject({ withdrawable: 0n, settleable: 2n * share, settleIds: ids.slice(0, 2), inEscrow: 0n })

  // Anyone may settle one: its share moves to the withdrawable balance, the other stays to settle.
  await mined(asBuyer.writeContract({ ...keyswarm, functionName: 'settle', args: [ids[0]!] }))
  ;[listing] = await readCreatorListings(client, { deployment, creator: creator.address })
  expect(listing!.stats.delivered).toBe(1)
  expect(listing!.sales.map((s) => [s.state, s.settledOnChain])).toEqual([
    ['settled', true],
    ['settled', false],
    ['expired', false],
  ])
  ;[eth] = await readCreatorBalances(client, { deployment, creator: creator.address, listings: [listing!] })
  expect(eth).toMatchObject({ withdrawable: share, settleable: share, settleIds: [ids[1]], inEscrow: 0n })

  // The buyer's view of the same purchases, newest first; an id the chain does not know is left out.
  const bought = await readBuyerPurchases(client, { deployment, buyer: buyer.address, purchaseIds: [999n] })
  expect(bought.map((p) => [p.purchaseId, p.state, p.amount, p.listing?.title])).toEqual([
    [3n, 'expired', parseEther('0.01'), 'Sold three times'],
    [2n, 'settled', parseEther('0.01'), 'Sold three times'],
    [1n, 'settled', parseEther('0.01'), 'Sold three times'],
  ])
}, 60_000)
