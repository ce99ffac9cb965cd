/**
 * claimReceipts against a real anvil chain: receipts signed by the buyer's receipt key, claimed by
 * the seeder's connected wallet.
 */
import { type Address, keccak256, parseEther, stringToHex, zeroAddress } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Config } from 'wagmi'
import { buyDeliveredForTest } from '../../tests/unit-helpers/buyDeliveredForTest'
import { connectTestWallet } from '../../tests/unit-helpers/connectTestWallet'
import { listPaidForTest } from '../../tests/unit-helpers/listPaidForTest'
import { type TestChain, startTestChain } from '../../tests/unit-helpers/startTestChain'
import { formatError } from '../formatError'
import type { ListingSecret } from '../purchases/types'
import { keyswarmAbi } from './abi/keyswarmAbi'
import { type SignedReceipt, claimReceipts } from './claimReceipts'
import { TransactionRevertedError } from './errors'
import { receiptTypedData } from './receiptTypedData'

const CREATOR = 1
const BUYER = 2
const SEEDER = 3
/** listForTest's defaults: 0.01 ETH, a 10% seeder share, 1,000,000 bytes. */
const POOL = parseEther('0.01') / 10n
const SIZE = 1_000_000n

let chain: TestChain
let config: Config
let listing: ListingSecret
let seeder: Address

beforeAll(async () => {
  chain = await startTestChain()
  config = await connectTestWallet(chain, { account: SEEDER })
  seeder = chain.account(SEEDER).address
  listing = await listPaidForTest(chain, {
    creator: CREATOR,
    key: keccak256(stringToHex('claim test key')),
    deliverySecret: keccak256(stringToHex('claim test delivery')),
  })
}, 60_000)

afterAll(() => chain?.stop())

/** A purchase of the test listing whose dispute window is over. */
async function settledPurchase() {
  const purchase = await buyDeliveredForTest(chain, { buyer: BUYER, creator: CREATOR, listing })
  await chain.time.increaseTime({ seconds: 2 * 60 * 60 + 1 })
  await chain.time.mine({ blocks: 1 })
  return purchase
}

/** The buyer's receipt for `bytes` served by the seeder, signed by `secret`. */
async function receipt(purchaseId: bigint, bytes: bigint, secret: `0x${string}`): Promise<SignedReceipt> {
  const typedData = receiptTypedData({ deployment: chain.deployment, purchaseId, seeder, bytes })
  return { purchaseId, seeder, bytes, signature: await privateKeyToAccount(secret).signTypedData(typedData) }
}

const balance = () =>
  chain.client.readContract({
    address: chain.deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'balanceOf',
    args: [seeder, zeroAddress],
  })

test('claims a batch in purchase order whatever order it comes in, keeps the best receipt, pays pool × bytes ÷ size', async () => {
  const a = await settledPurchase()
  const b = await settledPurchase()
  const before = await balance()
  const result = await claimReceipts(config, {
    deployment: chain.deployment,
    receipts: [
      await receipt(b.purchaseId, SIZE / 2n, b.receiptSecret),
      await receipt(a.purchaseId, SIZE / 4n, a.receiptSecret),
      await receipt(a.purchaseId, SIZE / 10n, a.receiptSecret),
    ],
  })
  expect(result.paid).toEqual([a.purchaseId, b.purchaseId])
  expect(result.claimed).toBe(POOL / 4n + POOL / 2n)
  expect(await balance()).toBe(before + result.claimed)
})

test('one receipt is claimed alone; sent again it pays nothing', async () => {
  const purchase = await settledPurchase()
  const signed = await receipt(purchase.purchaseId, SIZE, purchase.receiptSecret)
  expect((await claimReceipts(config, { deployment: chain.deployment, receipts: [signed] })).claimed).toBe(POOL)
  const again = await claimReceipts(config, { deployment: chain.deployment, receipts: [signed] })
  expect(again.claimed).toBe(0n)
  expect(again.paid).toEqual([])
})

test('a receipt signed by the session secret, which a dispute reveals, is refused', async () => {
  const purchase = await settledPurchase()
  const forged = await receipt(purchase.purchaseId, SIZE, purchase.sessionSecret)
  const error = await claimReceipts(config, { deployment: chain.deployment, receipts: [forged] }).catch(
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(TransactionRevertedError)
  expect(formatError(error)).toContain('KeyswarmInvalidReceipt')
})
