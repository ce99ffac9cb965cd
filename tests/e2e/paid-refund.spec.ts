import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createWalletClient, http, keccak256, toHex } from 'viem'
import { anvil } from 'viem/chains'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import { connectTestWallet, devAccount, expect, test } from './fixtures'
import { publishPaid } from './paid-helpers/publishPaid'
import { purchaseCount, purchaseState } from './paid-helpers/readPurchase'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')
const file = async () => ({ name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) })
/** `PurchaseState` values of the contract. */
const state = { Refunded: 4, Disputed: 5 } as const

test('with the creator offline, the buyer waits past the deadline and takes a refund', async ({
  openContext,
  chain,
  stack,
}) => {
  test.setTimeout(120_000)
  const creator = await (await openContext({ account: 8 })).newPage()
  const { contentId } = await publishPaid(creator, { title: `Offline ${Date.now()}`, file: await file() })
  await creator.context().close()

  const buyer = await (await openContext({ account: 9 })).newPage()
  await buyer.goto(`/watch?listing=${contentId}`)
  await connectTestWallet(buyer)
  await buyer.getByRole('button', { name: /^Unlock for/ }).click()
  await expect(buyer.getByTestId('unlock-step')).toHaveAttribute('data-step', 'waiting', { timeout: 30_000 })
  const purchaseId = await purchaseCount(chain, stack.deployment.keyswarm)

  await chain.test.increaseTime({ seconds: 2 * 60 * 60 })
  await chain.test.mine({ blocks: 1 })
  await buyer.getByRole('button', { name: 'Refund' }).click()
  await expect(buyer.getByTestId('unlock-notice')).toContainText('Refunded')
  expect(await purchaseState(chain, stack.deployment.keyswarm, purchaseId)).toBe(state.Refunded)
})

test('a wrong key delivered on chain is disputed by the buyer’s tab by itself, and refunded', async ({
  openContext,
  chain,
  stack,
}) => {
  test.setTimeout(120_000)
  const creator = await (await openContext({ account: 5 })).newPage()
  const { contentId } = await publishPaid(creator, { title: `Wrong key ${Date.now()}`, file: await file() })
  // No creator tab stays open, or the creator's agent would deliver the right key first.
  await creator.context().close()

  const buyer = await (await openContext({ account: 9 })).newPage()
  await buyer.goto(`/watch?listing=${contentId}`)
  await connectTestWallet(buyer)
  await buyer.getByRole('button', { name: /^Unlock for/ }).click()
  await expect(buyer.getByTestId('unlock-step')).toHaveAttribute('data-step', 'waiting', { timeout: 30_000 })
  const purchaseId = await purchaseCount(chain, stack.deployment.keyswarm)

  // The creator itself (an unlocked dev account) delivers a key that is not the content key.
  const asCreator = createWalletClient({ chain: anvil, transport: http(stack.rpcUrl), account: devAccount(5) })
  const hash = await asCreator.writeContract({
    address: stack.deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'deliver',
    args: [purchaseId, keccak256(toHex(`not the key of purchase ${purchaseId}`))],
  })
  expect((await chain.public.waitForTransactionReceipt({ hash })).status).toBe('success')

  await expect(buyer.getByTestId('unlock-error')).toContainText('wrong key', { timeout: 30_000 })
  await expect(buyer.getByTestId('unlock-error')).toContainText('refunded')
  expect(await purchaseState(chain, stack.deployment.keyswarm, purchaseId)).toBe(state.Disputed)
  await expect(buyer.getByTestId('player-video')).toHaveCount(0)
})
