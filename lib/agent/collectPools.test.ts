/**
 * The agent's claim-and-sweep pass against a real anvil chain: the creator's own receipt is
 * claimed once the sale is final, and what seeders left is swept once the claim window closed.
 */
import { keccak256, parseEther, stringToHex, zeroAddress } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { addTestAgent } from '../../tests/unit-helpers/addTestAgent'
import { buyForTest } from '../../tests/unit-helpers/buyForTest'
import { listForTest } from '../../tests/unit-helpers/listForTest'
import { type TestChain, startTestChain } from '../../tests/unit-helpers/startTestChain'
import { keyswarmAbi } from '../chain/abi/keyswarmAbi'
import { receiptTypedData } from '../chain/receiptTypedData'
import { defaultWindows } from '../../scripts/deploy'
import type { HeldReceipt } from '../receipts/types'
import { collectPools } from './collectPools'
import { createAgentWallet } from './createAgentWallet'

const CREATOR = 1
const BUYER = 2
const SIZE = 1_000_000n
const price = parseEther('0.01')
const pool = price / 10n
const receiptSecret = keccak256(stringToHex('collectPools test receipt key'))

let chain: TestChain

beforeAll(async () => {
  chain = await startTestChain()
}, 180_000)

afterAll(async () => {
  await chain?.stop()
})

test('claims the creator’s own receipt when the sale is final and sweeps the rest after the claim window', async () => {
  const { deployment, client } = chain
  const creator = chain.account(CREATOR).address
  const signer = privateKeyToAccount(receiptSecret)
  const contentId = await listForTest(chain, { creator: CREATOR, size: SIZE })
  const purchaseId = await buyForTest(chain, { buyer: BUYER, contentId, receiptSigner: signer.address })
  await chain.mined(
    chain.wallet(CREATOR).writeContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'deliver',
      args: [purchaseId, `0x${'11'.repeat(32)}`],
    }),
  )
  const bytes = SIZE / 4n
  const receipt: HeldReceipt = {
    chainId: deployment.chainId,
    purchaseId: String(purchaseId),
    seeder: creator,
    bytes: String(bytes),
    signature: await signer.signTypedData(receiptTypedData({ deployment, purchaseId, seeder: creator, bytes })),
    contentId: String(contentId),
    infoHash: '33'.repeat(20),
    receivedAt: Date.now(),
  }
  const balance = () =>
    client.readContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'balanceOf',
      args: [creator, zeroAddress],
    })
  // The creator's agent key: the contract lets a seeder's agent claim for it.
  const { agentKey } = await addTestAgent(chain, { creator: CREATOR })
  const agent = createAgentWallet({ agentKey, chain: foundry, rpcUrl: chain.rpcUrl })

  // In the dispute window nothing is final: nothing is sent.
  expect(await collectPools(client, agent, { deployment, creator, receipts: [receipt] })).toMatchObject({
    claimed: 0,
    swept: [],
  })

  await chain.time.increaseTime({ seconds: defaultWindows.delivery + defaultWindows.dispute + 1 })
  await chain.time.mine({ blocks: 1 })
  const before = await balance()
  const claimed = await collectPools(client, agent, { deployment, creator, receipts: [receipt] })
  expect(claimed).toMatchObject({ claimed: 1, swept: [] })
  // Settling credits the creator's share; the claim adds the receipt's part of the pool.
  expect((await balance()) - before).toBe(price - pool + (pool * bytes) / SIZE)

  // A second pass finds the receipt paid: no transaction.
  expect((await collectPools(client, agent, { deployment, creator, receipts: [receipt] })).transactionHashes).toEqual(
    [],
  )

  await chain.time.increaseTime({ seconds: defaultWindows.claim + 1 })
  await chain.time.mine({ blocks: 1 })
  const beforeSweep = await balance()
  const swept = await collectPools(client, agent, { deployment, creator, receipts: [receipt] })
  expect(swept.swept).toEqual([purchaseId])
  expect((await balance()) - beforeSweep).toBe(pool - (pool * bytes) / SIZE)
  expect((await collectPools(client, agent, { deployment, creator })).transactionHashes).toEqual([])
}, 180_000)
