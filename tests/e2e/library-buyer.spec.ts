import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseEther } from 'viem'
import { collectPageErrors, connectTestWallet, devAccount, expect, test } from './fixtures'
import { publishPaid } from './paid-helpers/publishPaid'
import { purchaseCount } from './paid-helpers/readPurchase'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')
type TestWallet = { __testWallet: { rejectNext(): void } }
type WalletLog = { __walletCalls: string[] }

test('a buyer finds the purchase in /library, plays it from there, and restores it on a new device with one signature', async ({
  openContext,
  chain,
  stack,
}) => {
  test.setTimeout(240_000)
  const creator = await (await openContext({ account: 12 })).newPage()
  const title = `Library buyer ${Date.now()}`
  const { contentId } = await publishPaid(creator, {
    title,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  })
  await expect(creator.getByTestId('agent-status')).toContainText('Delivery agent on')

  const buyer = await (await openContext({ account: 13 })).newPage()
  const errors = collectPageErrors(buyer)
  await buyer.goto(`/watch?listing=${contentId}`)
  await connectTestWallet(buyer)
  await buyer.getByRole('button', { name: 'Unlock for 0.01 ETH' }).click()
  await expectVideoPlays(buyer)
  const sales = await purchaseCount(chain, stack.deployment.keyswarm)

  // The purchase in the library: title, price paid, delivered, and all of it on this device.
  await buyer.goto('/library')
  const purchase = buyer.locator(`[data-testid="purchase"][data-content-id="${contentId}"]`)
  await expect(purchase).toContainText(title)
  await expect(purchase.getByTestId('purchase-paid')).toHaveText('0.01 ETH')
  await expect(purchase.getByTestId('purchase-state')).toHaveText('Delivered')
  await expect(purchase.getByTestId('purchase-device')).toHaveAttribute('data-offline', 'true', { timeout: 30_000 })
  await expect(purchase.getByTestId('purchase-device')).toContainText('plays offline')
  // The ciphertext is the "on this device" torrent of the same page.
  await expect(buyer.getByTestId('library-item')).toHaveCount(1)
  await expect(buyer.getByTestId('library-item-title')).toContainText(title)
  await expect(buyer.getByTestId('library-item-title')).toHaveAttribute('href', `/watch/?listing=${contentId}`)
  // A buyer without listings sees no creator section.
  await expect(buyer.getByTestId('creator-section')).toHaveCount(0)

  await purchase.getByRole('link', { name: 'Play' }).click()
  await expect(buyer).toHaveURL(new RegExp(`/watch/\\?listing=${contentId}$`))
  await expectVideoPlays(buyer)

  // A new device of the same buyer: the purchase is listed from the chain, its key is not here yet.
  const deviceContext = await openContext({ account: 13 })
  await deviceContext.addInitScript(() => {
    const log: string[] = ((window as unknown as WalletLog).__walletCalls = [])
    const provider = (window as unknown as { ethereum: { request: (a: { method: string }) => Promise<unknown> } })
      .ethereum
    const request = provider.request
    provider.request = (args) => {
      log.push(args.method)
      return request(args)
    }
  })
  const device = await deviceContext.newPage()
  await device.goto('/library')
  await expect(device.getByTestId('library-connect-hint')).toBeVisible()
  await connectTestWallet(device)
  const restored = device.locator(`[data-testid="purchase"][data-content-id="${contentId}"]`)
  await expect(restored.getByTestId('purchase-state')).toHaveText('Delivered')
  await expect(restored.getByTestId('purchase-device')).toHaveText(
    'Not on this device yet: restore your purchases to play it here.',
  )

  // Refusing the signature is said in words; the next try works.
  await device.evaluate(() => (window as unknown as TestWallet).__testWallet.rejectNext())
  await device.getByRole('button', { name: 'Restore purchases' }).click()
  await expect(device.getByTestId('restore-status')).toHaveText('You rejected the request in your wallet.')
  const callsBefore = await device.evaluate(() => [...(window as unknown as WalletLog).__walletCalls])
  await device.getByRole('button', { name: 'Restore purchases' }).click()
  await expect(device.getByTestId('restore-status')).toHaveText('Restored 1 purchase on this device, 1 with its key.')
  const calls = (await device.evaluate(() => (window as unknown as WalletLog).__walletCalls)).slice(callsBefore.length)
  expect(calls.filter((method) => method === 'personal_sign')).toHaveLength(1)
  expect(calls.filter((method) => method === 'eth_sendTransaction')).toHaveLength(0)
  await expect(restored.getByTestId('purchase-device')).toContainText('Key on this device')

  await restored.getByRole('link', { name: 'Play' }).click()
  await expectVideoPlays(device)
  expect(await purchaseCount(chain, stack.deployment.keyswarm)).toBe(sales)
  expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([])
})

test('an undelivered purchase shows as waiting, then refundable past the deadline, and is refunded from /library', async ({
  openContext,
  chain,
  stack,
}) => {
  test.setTimeout(180_000)
  const creator = await (await openContext({ account: 12 })).newPage()
  const title = `Library refund ${Date.now()}`
  const { contentId } = await publishPaid(creator, {
    title,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  })
  // The creator goes offline: nobody delivers the key.
  await creator.context().close()

  const buyer = await (await openContext({ account: 11 })).newPage()
  await buyer.goto(`/watch?listing=${contentId}`)
  await connectTestWallet(buyer)
  await buyer.getByRole('button', { name: 'Unlock for 0.01 ETH' }).click()
  await expect(buyer.getByTestId('unlock-step')).toHaveAttribute('data-step', 'waiting', { timeout: 30_000 })
  const purchaseId = await purchaseCount(chain, stack.deployment.keyswarm)

  await buyer.goto('/library')
  const purchase = buyer.locator(`[data-testid="purchase"][data-purchase-id="${purchaseId}"]`)
  await expect(purchase).toContainText(title)
  await expect(purchase.getByTestId('purchase-state')).toHaveText('Waiting for the key')
  await expect(purchase.getByTestId('purchase-device')).toHaveText('Bought on this device; no key yet.')
  await expect(purchase.getByRole('button', { name: 'Refund' })).toHaveCount(0)

  await chain.test.increaseTime({ seconds: 60 * 60 + 60 })
  await chain.test.mine({ blocks: 1 })
  await expect(purchase.getByTestId('purchase-state')).toHaveText('Refundable: the key did not arrive in time')
  const before = await chain.public.getBalance({ address: devAccount(11) })
  await purchase.getByRole('button', { name: 'Refund' }).click()
  await expect(purchase.getByTestId('purchase-action-status')).toContainText(
    'Refunded: 0.01 ETH went back to your wallet',
  )
  await expect(purchase.getByTestId('purchase-state')).toHaveText('Refunded')
  // The refund is the price, less the gas of the refund transaction.
  const after = await chain.public.getBalance({ address: devAccount(11) })
  expect(after - before).toBeGreaterThan(parseEther('0.0099'))
  expect(after - before).toBeLessThan(parseEther('0.01'))
})
