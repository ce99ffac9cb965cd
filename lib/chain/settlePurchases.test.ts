/** settlePurchases against a real anvil chain: what is due settles, the rest is skipped, not refused. */
import { keccak256, stringToHex } from 'viem'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buyDeliveredForTest } from '../../tests/unit-helpers/buyDeliveredForTest'
import { buyForTest } from '../../tests/unit-helpers/buyForTest'
import { connectTestWallet } from '../../tests/unit-helpers/connectTestWallet'
import { listPaidForTest } from '../../tests/unit-helpers/listPaidForTest'
import { type TestChain, startTestChain } from '../../tests/unit-helpers/startTestChain'
import { settlePurchases } from './settlePurchases'

const CREATOR = 1
const BUYER = 2
/** Anyone may settle: a third account sends it. */
const SENDER = 3

let chain: TestChain

beforeAll(async () => {
  chain = await startTestChain()
}, 60_000)

afterAll(() => chain?.stop())

test('settles the purchases past their dispute window and skips the others without failing the batch', async () => {
  const config = await connectTestWallet(chain, { account: SENDER })
  const listing = await listPaidForTest(chain, {
    creator: CREATOR,
    key: keccak256(stringToHex('settle test key')),
    deliverySecret: keccak256(stringToHex('settle test delivery')),
  })
  const due = await buyDeliveredForTest(chain, { buyer: BUYER, creator: CREATOR, listing })
  await chain.time.increaseTime({ seconds: 2 * 60 * 60 + 1 })
  await chain.time.mine({ blocks: 1 })
  const disputable = await buyDeliveredForTest(chain, { buyer: BUYER, creator: CREATOR, listing })
  const undelivered = await buyForTest(chain, { buyer: BUYER, contentId: BigInt(listing.contentId) })
  const ids = [disputable.purchaseId, due.purchaseId, undelivered, 999n]

  const first = await settlePurchases(config, { deployment: chain.deployment, purchaseIds: ids })
  expect(first.settled).toEqual([due.purchaseId])
  expect(first.gasUsed).toBeGreaterThan(0n)
  const again = await settlePurchases(config, { deployment: chain.deployment, purchaseIds: ids })
  expect(again.settled).toEqual([])
})
