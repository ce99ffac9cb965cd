import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { type Hash, getAbiItem, parseEther, zeroAddress } from 'viem'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import { type E2EChain, collectPageErrors, connectTestWallet, devAccount, expect, test } from './fixtures'
import { publishPaid } from './paid-helpers/publishPaid'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')
type TestWallet = { __testWallet: { rejectNext(): void; switchChain(id: number): void } }

/** What the transactions in `hashes` cost their sender in ETH. */
async function gasCost(chain: E2EChain, hashes: Hash[]): Promise<bigint> {
  let total = 0n
  for (const hash of hashes) {
    const receipt = await chain.public.getTransactionReceipt({ hash })
    total += receipt.gasUsed * receipt.effectiveGasPrice
  }
  return total
}

/** Opens the creator's /library and waits for its listing card. */
async function openCreatorLibrary(page: Page, contentId: bigint) {
  await page.goto('/library')
  const card = page.locator(`[data-testid="creator-listing"][data-content-id="${contentId}"]`)
  await expect(card).toBeVisible()
  return card
}

test('a creator follows a sale in /library, withdraws the revenue, changes the price, pauses, resumes and updates the sources', async ({
  openContext,
  chain,
  stack,
}) => {
  test.setTimeout(240_000)
  const { keyswarm } = stack.deployment
  // The creator's revenue is per account and token, so a retry after a sale needs accounts of its own.
  const [creatorAccount, buyerAccount] = ([[10, 11], [35, 36], [37, 38]] as const)[test.info().retry]!
  const creatorAddress = devAccount(creatorAccount)
  const creator = await (await openContext({ account: creatorAccount })).newPage()
  const errors = collectPageErrors(creator)
  const title = `Library creator ${Date.now()}`
  const { contentId } = await publishPaid(creator, {
    title,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  })

  // The creator's library: the listing on sale, nothing sold yet; its agent runs here too.
  const card = await openCreatorLibrary(creator, contentId)
  await expect(card.getByTestId('creator-listing-title')).toContainText(title)
  await expect(card.getByTestId('creator-listing-price')).toHaveText('0.01 ETH')
  await expect(card.getByTestId('creator-listing-state')).toHaveText('On sale')
  await expect(card.getByTestId('creator-listing-stats')).toHaveText('0 sold, 0 delivered, 0 refunded, 0 disputed')
  await expect(creator.getByTestId('agent-status')).toContainText('Delivery agent on')
  // The ciphertext it seeds is named by its listing in "On this device", not by its opaque torrent name.
  await expect(creator.getByTestId('library-item-title')).toContainText(title)

  // A buyer pays; the agent of the creator's /library tab delivers the key.
  const buyer = await (await openContext({ account: buyerAccount })).newPage()
  await buyer.goto(`/watch?listing=${contentId}`)
  await connectTestWallet(buyer)
  await buyer.getByRole('button', { name: 'Unlock for 0.01 ETH' }).click()
  await expectVideoPlays(buyer)

  await expect(card.getByTestId('creator-listing-stats')).toHaveText('1 sold, 1 delivered, 0 refunded, 0 disputed')
  await expect(card.getByTestId('creator-listing-keys')).toHaveAttribute('data-waiting', '0')
  const sales = card.getByTestId('creator-listing-sales')
  await sales.getByText('Sales (1)').click()
  await expect(sales.getByRole('listitem')).toContainText(devAccount(buyerAccount))
  await expect(sales.getByRole('listitem')).toContainText('delivered, in the dispute window')
  const eth = creator.locator(`[data-testid="creator-balance"][data-token="${zeroAddress}"]`)
  // 10% of the sale is the seeders' pool (the publish form's default share): the creator's share is 0.009 ETH.
  const share = parseEther('0.009')
  await expect(eth).toHaveAttribute('data-in-escrow', String(share))
  await expect(eth).toHaveAttribute('data-withdrawable', '0')
  await expect(eth.getByRole('button', { name: 'Withdraw ETH' })).toBeDisabled()

  // Past the delivery and dispute windows (1 hour each) the sale is final: settle, then withdraw.
  await chain.test.increaseTime({ seconds: 2 * 60 * 60 + 60 })
  await chain.test.mine({ blocks: 1 })
  await expect(eth).toHaveAttribute('data-settleable', String(share))
  await expect(eth).toHaveAttribute('data-in-escrow', '0')
  await expect(sales.getByRole('listitem')).toContainText('final')
  const before = await chain.public.getBalance({ address: creatorAddress })
  await eth.getByRole('button', { name: 'Withdraw ETH' }).click()
  await expect(eth.getByTestId('withdraw-status')).toHaveAttribute('data-status', 'success', { timeout: 30_000 })
  await expect(eth.getByTestId('withdraw-status')).toContainText('Withdrawn: 0.009 ETH sent to your wallet')
  const after = await chain.public.getBalance({ address: creatorAddress })
  const [withdrawn] = await chain.public.getLogs({
    address: keyswarm,
    event: getAbiItem({ abi: keyswarmAbi, name: 'Withdrawn' }),
    args: { account: creatorAddress },
    fromBlock: 0n,
  })
  const [purchased] = await chain.public.getLogs({
    address: keyswarm,
    event: getAbiItem({ abi: keyswarmAbi, name: 'Purchased' }),
    args: { contentId },
    fromBlock: 0n,
  })
  const [settled] = await chain.public.getLogs({
    address: keyswarm,
    event: getAbiItem({ abi: keyswarmAbi, name: 'Settled' }),
    args: { purchaseId: purchased!.args.purchaseId },
    fromBlock: 0n,
  })
  expect(settled!.args.creatorShare).toBe(share)
  const settleTx = settled!.transactionHash
  expect(withdrawn!.args.amount).toBe(share)
  expect(after - before + (await gasCost(chain, [settleTx, withdrawn!.transactionHash]))).toBe(share)
  expect(
    await chain.public.readContract({
      address: keyswarm,
      abi: keyswarmAbi,
      functionName: 'balanceOf',
      args: [creatorAddress, zeroAddress],
    }),
  ).toBe(0n)
  await expect(eth).toHaveAttribute('data-withdrawable', '0')
  await expect(card.getByTestId('creator-listing-keys')).toContainText('1 delivered (1 settled)')

  const readStored = () =>
    chain.public.readContract({ address: keyswarm, abi: keyswarmAbi, functionName: 'listings', args: [contentId] })

  // A refusal in the wallet is said in words and the page stays usable.
  await card.getByRole('button', { name: 'Change price' }).click()
  await card.getByLabel('New price (ETH)').fill('0.02')
  await creator.evaluate(() => (window as unknown as TestWallet).__testWallet.rejectNext())
  await card.getByRole('button', { name: 'Save price' }).click()
  await expect(card.getByTestId('listing-action-status')).toHaveText('You rejected the request in your wallet.')
  expect((await readStored()).price).toBe(parseEther('0.01'))

  // Bad input costs no transaction.
  await card.getByLabel('New price (ETH)').fill('free')
  await card.getByRole('button', { name: 'Save price' }).click()
  await expect(card.getByTestId('listing-action-status')).toContainText('“free” is not a price')

  await card.getByLabel('New price (ETH)').fill('0.02')
  await card.getByRole('button', { name: 'Save price' }).click()
  await expect(card.getByTestId('listing-action-status')).toContainText('Price changed to 0.02 ETH')
  expect((await readStored()).price).toBe(parseEther('0.02'))
  await expect(card.getByTestId('creator-listing-price')).toHaveText('0.02 ETH')

  // Another visitor sees the new price; pausing disables their Unlock with the paused sentence.
  const visitor = await (await openContext({ account: 12 })).newPage()
  await visitor.goto(`/watch?listing=${contentId}`)
  await connectTestWallet(visitor)
  await expect(visitor.getByTestId('listing-price')).toHaveText('0.02 ETH')
  const unlock = visitor.getByRole('button', { name: 'Unlock for 0.02 ETH' })
  await expect(unlock).toBeEnabled()

  // The wallet wandered to another chain: refusing to switch back is said in words; accepting pauses.
  await creator.evaluate(() => (window as unknown as TestWallet).__testWallet.switchChain(1))
  await creator.evaluate(() => (window as unknown as TestWallet).__testWallet.rejectNext())
  await card.getByRole('button', { name: 'Pause sales' }).click()
  await expect(card.getByTestId('listing-action-status')).toHaveText('You rejected the request in your wallet.')
  expect((await readStored()).active).toBe(true)
  await card.getByRole('button', { name: 'Pause sales' }).click()
  await expect(card.getByTestId('listing-action-status')).toContainText('Sales paused')
  await expect(card.getByTestId('creator-listing-state')).toHaveText('Paused')
  expect((await readStored()).active).toBe(false)
  await visitor.reload()
  await expect(visitor.getByText('The creator has paused sales of this listing.')).toBeVisible()
  await expect(unlock).toBeDisabled()

  await card.getByRole('button', { name: 'Resume sales' }).click()
  await expect(card.getByTestId('listing-action-status')).toContainText('Sales resumed')
  await expect(card.getByTestId('creator-listing-state')).toHaveText('On sale')
  expect((await readStored()).active).toBe(true)
  await visitor.reload()
  await expect(unlock).toBeEnabled()
  await expect(visitor.getByText('The creator has paused sales of this listing.')).toHaveCount(0)

  // Sources: a tracker browsers cannot use is refused before the wallet; good ones land on chain.
  await card.getByRole('button', { name: 'Trackers and web seeds' }).click()
  const trackers = card.getByLabel(/^Trackers/)
  await trackers.fill('http://tracker.example.org/announce')
  await card.getByRole('button', { name: 'Save sources' }).click()
  await expect(card.getByTestId('listing-action-status')).toContainText(
    'is not a WebSocket tracker: use a ws:// or wss:// address',
  )
  await trackers.fill(`wss://tracker.example.org\n${stack.trackerUrl}`)
  await card.getByLabel(/^Web seeds/).fill('https://cdn.example.org/keyswarm/')
  await card.getByRole('button', { name: 'Save sources' }).click()
  await expect(card.getByTestId('listing-action-status')).toContainText('Trackers and web seeds updated on chain')
  const changes = await chain.public.getLogs({
    address: keyswarm,
    event: getAbiItem({ abi: keyswarmAbi, name: 'SourcesChanged' }),
    args: { contentId },
    fromBlock: 0n,
  })
  expect(changes.at(-1)!.args.trackers).toEqual(['wss://tracker.example.org', stack.trackerUrl])
  expect(changes.at(-1)!.args.webSeeds).toEqual(['https://cdn.example.org/keyswarm/'])
  // Read back after a reload: the page shows the latest sources, not the ones of the listing.
  const reloaded = await openCreatorLibrary(creator, contentId)
  await expect(reloaded.getByTestId('creator-listing-trackers')).toHaveText(
    `wss://tracker.example.org, ${stack.trackerUrl}`,
  )
  await expect(reloaded.getByTestId('creator-listing-webseeds')).toHaveText('https://cdn.example.org/keyswarm/')
  await expect(reloaded.getByTestId('creator-listing-price')).toHaveText('0.02 ETH')
  // A visitor's /watch takes the listing's sources in effect, not the ones it was listed with.
  await visitor.reload()
  await expect(visitor.getByTestId('listing-webseeds')).toHaveText('https://cdn.example.org/keyswarm/')

  expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([])
})
