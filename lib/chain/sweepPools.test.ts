/** sweepPools against a real anvil chain: what seeders left goes to the creator after the claim window. */
import { keccak256, parseEther, stringToHex, zeroAddress } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buyDeliveredForTest } from '../../tests/unit-helpers/buyDeliveredForTest'
import { connectTestWallet } from '../../tests/unit-helpers/connectTestWallet'
import { listPaidForTest } from '../../tests/unit-helpers/listPaidForTest'
import { type TestChain, startTestChain } from '../../tests/unit-helpers/startTestChain'
import { keyswarmAbi } from './abi/keyswarmAbi'
import { claimReceipts } from './claimReceipts'
import { receiptTypedData } from './receiptTypedData'
import { sweepPools } from './sweepPools'

const CREATOR = 1
const BUYER = 2
const SEEDER = 3
/** listForTest's defaults: 0.01 ETH, a 10% seeder share, 1,000,000 bytes. */
const PRICE = parseEther('0.01')
const POOL = PRICE / 10n

let chain: TestChain

beforeAll(async () => {
  chain = await startTestChain()
}, 60_000)

afterAll(() => chain?.stop())

test('after the claim window, sweeps what seeders left into the creator’s balance and skips what has nothing left', async () => {
  const creatorConfig = await connectTestWallet(chain, { account: CREATOR })
  const seederConfig = await connectTestWallet(chain, { account: SEEDER })
  const { deployment } = chain
  const listing = await listPaidForTest(chain, {
    creator: CREATOR,
    key: keccak256(stringToHex('sweep test key')),
    deliverySecret: keccak256(stringToHex('sweep test delivery')),
  })
  const claimed = await buyDeliveredForTest(chain, { buyer: BUYER, creator: CREATOR, listing })
  const unclaimed = await buyDeliveredForTest(chain, { buyer: BUYER, creator: CREATOR, listing })
  await chain.time.increaseTime({ seconds: 2 * 60 * 60 + 1 })
  await chain.time.mine({ blocks: 1 })
  const seeder = chain.account(SEEDER).address
  const bytes = 250_000n
  const signature = await privateKeyToAccount(claimed.receiptSecret).signTypedData(
    receiptTypedData({ deployment, purchaseId: claimed.purchaseId, seeder, bytes }),
  )
  await claimReceipts(seederConfig, {
    deployment,
    receipts: [{ purchaseId: claimed.purchaseId, seeder, bytes, signature }],
  })
  const balance = () =>
    chain.client.readContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'balanceOf',
      args: [listing.creator, zeroAddress],
    })
  const ids = [claimed.purchaseId, unclaimed.purchaseId]

  const early = await sweepPools(creatorConfig, { deployment, purchaseIds: ids })
  expect(early.swept).toBe(0n)
  await chain.time.increaseTime({ seconds: 30 * 24 * 60 * 60 })
  await chain.time.mine({ blocks: 1 })
  const before = await balance()
  // The unclaimed purchase was never settled: sweeping settles it on the way (its creator share too).
  const swept = await sweepPools(creatorConfig, { deployment, purchaseIds: [...ids, 999n] })
  expect(swept.purchaseIds).toEqual(ids)
  expect(swept.swept).toBe(POOL - POOL / 4n + POOL)
  expect(await balance()).toBe(before + swept.swept + (PRICE - POOL))
  expect((await sweepPools(creatorConfig, { deployment, purchaseIds: ids })).swept).toBe(0n)
})
