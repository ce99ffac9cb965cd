import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Address } from 'viem'
import { buyOnChain, deliveriesOf, transactionsFrom } from './agent-helpers/buyOnChain'
import { collectPageErrors, connectTestWallet, devAccount, expect, test } from './fixtures'
import { publishPaid } from './paid-helpers/publishPaid'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')
const file = async () => ({ name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) })

test('the creator’s agent delivers from any Keyswarm tab: with only the home page open, the buyer gets the key and plays', async ({
  openContext,
}) => {
  test.setTimeout(150_000)
  const creator = await (await openContext({ account: 21 })).newPage()
  const errors = collectPageErrors(creator)
  const title = `App-wide ${Date.now()}`
  const { contentId } = await publishPaid(creator, { title, file: await file() })
  await creator.goto('/')
  await expect(creator.getByTestId('agent-status')).toHaveCount(0)

  const buyer = await (await openContext({ account: 22 })).newPage()
  await buyer.goto(`/watch?listing=${contentId}`)
  await expect(buyer.getByTestId('listing-title')).toHaveText(title)
  await connectTestWallet(buyer)
  await buyer.getByRole('button', { name: /^Unlock for/ }).click()
  await expectVideoPlays(buyer)
  expect(errors).toEqual([])
})

test('with two creator tabs exactly one agent delivers, and closing its tab hands the agent to the other', async ({
  openContext,
  chain,
  stack,
}) => {
  test.setTimeout(150_000)
  const context = await openContext({ account: 21 })
  const first = await context.newPage()
  const { contentId } = await publishPaid(first, { title: `Two tabs ${Date.now()}`, file: await file() })
  const second = await context.newPage()
  await second.goto('/publish')

  // The publishing tab took the lock first; the other one only shows what it reports.
  await expect(first.getByTestId('agent-status')).toHaveAttribute('data-host', 'this-tab')
  await expect(second.getByTestId('agent-status')).toHaveAttribute('data-host', 'other-tab')
  await expect(second.getByTestId('agent-status')).toContainText('Delivery agent on (in another Keyswarm tab)')
  const agent = (await first.getByTestId('agent-status').getAttribute('data-agent')) as Address
  const fromBlock = await chain.public.getBlockNumber({ cacheTime: 0 })

  const buyer = devAccount(22)
  const one = await buyOnChain(chain, stack, { buyer, contentId })
  await expect.poll(() => deliveriesOf(chain, stack, one), { timeout: 30_000 }).toHaveLength(1)
  await expect(first.getByTestId('agent-status')).toHaveAttribute('data-delivered', '1')
  await expect(second.getByTestId('agent-status')).toHaveAttribute('data-delivered', '1')

  await first.close()
  await expect(second.getByTestId('agent-status')).toHaveAttribute('data-host', 'this-tab', { timeout: 15_000 })
  const two = await buyOnChain(chain, stack, { buyer, contentId })
  await expect.poll(() => deliveriesOf(chain, stack, two), { timeout: 30_000 }).toHaveLength(1)
  await expect(second.getByTestId('agent-status')).toHaveAttribute('data-delivered', '1')

  // The agent finished a round past its own delivery with nothing left waiting, and sent nothing more.
  await expectScannedPast(second, await chain.public.getBlockNumber({ cacheTime: 0 }), { waiting: 0 })
  expect(await deliveriesOf(chain, stack, one)).toHaveLength(1)
  expect(await deliveriesOf(chain, stack, two)).toHaveLength(1)
  const sent = await transactionsFrom(chain, { from: agent, fromBlock })
  expect(sent.map((tx) => tx.status)).toEqual(['success', 'success'])
})

test('an agent out of gas tells the creator so, and a top-up from the wallet resumes deliveries', async ({
  openContext,
  chain,
  stack,
}) => {
  test.setTimeout(150_000)
  const creator = await (await openContext({ account: 21 })).newPage()
  const { contentId } = await publishPaid(creator, { title: `Out of gas ${Date.now()}`, file: await file() })
  const status = creator.getByTestId('agent-status')
  await expect(status).toContainText('Delivery agent on')
  const agent = (await status.getAttribute('data-agent')) as Address

  await chain.test.setBalance({ address: agent, value: 0n })
  await expect(creator.getByTestId('agent-out-of-gas')).toContainText('Your delivery agent is out of gas')
  await expect(creator.getByTestId('agent-out-of-gas')).toContainText('holds 0 ETH')
  const purchaseId = await buyOnChain(chain, stack, { buyer: devAccount(22), contentId })
  // The agent read the purchase and ended its round with it still waiting: it could not deliver.
  await expectScannedPast(creator, await chain.public.getBlockNumber({ cacheTime: 0 }), { waiting: 1 })
  expect(await deliveriesOf(chain, stack, purchaseId)).toHaveLength(0)

  await creator.getByRole('button', { name: 'Top up 0.02 ETH' }).click()
  await expect.poll(() => deliveriesOf(chain, stack, purchaseId), { timeout: 30_000 }).toHaveLength(1)
  await expect(creator.getByTestId('agent-out-of-gas')).toHaveCount(0)
  await expect(status).toHaveAttribute('data-delivered', '1')
  expect(await chain.public.getBalance({ address: agent })).toBeGreaterThan(0n)
})

/** Waits until the page's agent has finished a round that read the chain up to `block`, leaving `waiting` purchases. */
async function expectScannedPast(page: Page, block: bigint, { waiting }: { waiting: number }) {
  const status = page.getByTestId('agent-status')
  await expect
    .poll(async () => BigInt((await status.getAttribute('data-scanned-block')) ?? -1), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(block)
  await expect(status).toHaveAttribute('data-waiting', String(waiting))
}
