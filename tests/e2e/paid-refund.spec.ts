import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { connectTestWallet, expect, test } from './fixtures'
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

test('a wrong key from a tampered agent is disputed by the buyer’s tab by itself, and refunded', async ({
  openContext,
  chain,
  stack,
}) => {
  test.setTimeout(120_000)
  const creatorContext = await openContext({ account: 5 })
  await creatorContext.addInitScript(() => localStorage.setItem('keyswarm.test.tamperAgent', '1'))
  const creator = await creatorContext.newPage()
  const { contentId } = await publishPaid(creator, { title: `Tampered ${Date.now()}`, file: await file() })

  const buyer = await (await openContext({ account: 9 })).newPage()
  await buyer.goto(`/watch?listing=${contentId}`)
  await connectTestWallet(buyer)
  await buyer.getByRole('button', { name: /^Unlock for/ }).click()
  await expect(buyer.getByTestId('unlock-error')).toContainText('wrong key', { timeout: 30_000 })
  await expect(buyer.getByTestId('unlock-error')).toContainText('refunded')
  const purchaseId = await purchaseCount(chain, stack.deployment.keyswarm)
  expect(await purchaseState(chain, stack.deployment.keyswarm, purchaseId)).toBe(state.Disputed)
  await expect(buyer.getByTestId('player-video')).toHaveCount(0)
})
