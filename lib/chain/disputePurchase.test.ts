/**
 * disputePurchase against a real anvil chain: the session secret b leaves the tab only for a key
 * proven wrong here, while the dispute window is open.
 */
import { keccak256, stringToHex } from 'viem'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Config } from 'wagmi'
import { buyDeliveredForTest } from '../../tests/unit-helpers/buyDeliveredForTest'
import { connectTestWallet } from '../../tests/unit-helpers/connectTestWallet'
import { listPaidForTest } from '../../tests/unit-helpers/listPaidForTest'
import { type TestChain, startTestChain } from '../../tests/unit-helpers/startTestChain'
import type { ListingSecret } from '../purchases/types'
import { publicPoint } from '../crypto'
import { keyswarmAbi } from './abi/keyswarmAbi'
import { disputePurchase } from './disputePurchase'
import { DisputeNotSentError } from './errors'

const CREATOR = 1
const BUYER = 2
/** `PurchaseState.Disputed` of the contract. */
const DISPUTED = 5

let chain: TestChain
let config: Config
let listing: ListingSecret

beforeAll(async () => {
  chain = await startTestChain()
  config = await connectTestWallet(chain, { account: BUYER })
  listing = await listPaidForTest(chain, {
    creator: CREATOR,
    key: keccak256(stringToHex('dispute test key')),
    deliverySecret: keccak256(stringToHex('dispute test delivery')),
  })
}, 60_000)

afterAll(() => chain?.stop())

const sentByBuyer = () => chain.client.getTransactionCount({ address: chain.account(BUYER).address })

/** disputePurchase's parameters for a purchase of the test listing. */
const dispute = (purchase: Awaited<ReturnType<typeof buyDeliveredForTest>>) =>
  disputePurchase(config, {
    deployment: chain.deployment,
    purchaseId: purchase.purchaseId,
    sessionSecret: purchase.sessionSecret,
    sealedKey: purchase.sealedKey,
    deliveryPublicKey: publicPoint(listing.deliverySecret),
    keyHash: keccak256(listing.key),
  })

test('a right key is not disputed: nothing is sent, so b stays on the device', async () => {
  const purchase = await buyDeliveredForTest(chain, { buyer: BUYER, creator: CREATOR, listing })
  const before = await sentByBuyer()
  await expect(dispute(purchase)).rejects.toThrow(DisputeNotSentError)
  await expect(dispute(purchase)).rejects.toThrow(`purchase #${purchase.purchaseId} is right`)
  expect(await sentByBuyer()).toBe(before)
})

test('a key proven wrong is disputed and refunded', async () => {
  const purchase = await buyDeliveredForTest(chain, {
    buyer: BUYER,
    creator: CREATOR,
    listing,
    deliveredKey: keccak256(stringToHex('another key')),
  })
  const { gasUsed } = await dispute(purchase)
  expect(gasUsed).toBeGreaterThan(0n)
  const state = await chain.client.readContract({
    address: chain.deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'purchaseState',
    args: [purchase.purchaseId],
  })
  expect(state).toBe(DISPUTED)
})

test('a wrong key is not disputed after the window: a late dispute would only make b public', async () => {
  const purchase = await buyDeliveredForTest(chain, {
    buyer: BUYER,
    creator: CREATOR,
    listing,
    deliveredKey: keccak256(stringToHex('a late wrong key')),
  })
  await chain.time.increaseTime({ seconds: 2 * 60 * 60 + 1 })
  await chain.time.mine({ blocks: 1 })
  const before = await sentByBuyer()
  await expect(dispute(purchase)).rejects.toThrow('has closed')
  expect(await sentByBuyer()).toBe(before)
})
