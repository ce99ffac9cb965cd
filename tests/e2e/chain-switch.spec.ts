import { anvil } from 'viem/chains'
import { connectTestWallet, expect, test } from './fixtures'
import { listOnChain } from './support/listOnChain'

// A wallet that moves to a chain where Keyswarm is not deployed (Ethereum, chain 1, which this build
// does not run on), mid-page and from the start: one sentence naming both chains with a switch
// button, the page keeps showing the home chain and says so, and it follows the wallet back.
// Account 41 is this journey's own: no other journey touches it.
const CREATOR = 41

type TestWallet = { __testWallet: { switchChain(id: number): void } }

test('a wallet that moves to a chain without Keyswarm mid-page hears so, keeps the page, and the page follows it back', async ({
  openContext,
  stack,
  chain,
}) => {
  const before = `Chain switch, before ${Date.now()}`
  await listOnChain(stack, chain, { creator: CREATOR, title: before })
  const page = await (await openContext({ account: CREATOR })).newPage()
  await page.goto('/library')
  await connectTestWallet(page)
  const library = page.getByTestId('library-chain')
  await expect(library).toHaveAttribute('data-state', 'done')
  await expect(page.getByTestId('creator-section')).toContainText(before)

  // The wallet moves to Ethereum: the sentence and the switch button; the page keeps Anvil and says so.
  await page.evaluate(() => (window as unknown as TestWallet).__testWallet.switchChain(1))
  const banner = page.getByTestId('not-deployed-banner')
  await expect(banner).toHaveAttribute('data-chain-id', '1')
  await expect(banner).toContainText(
    'Keyswarm is not deployed on Ethereum; switch to Anvil to use it. This page shows Anvil.',
  )
  await expect(library).toHaveAttribute('data-chain-id', String(anvil.id))
  await expect(page.getByTestId('creator-section')).toContainText(before)
  await expect(page.getByText('RPC Request failed')).toHaveCount(0)

  // Switched back with the banner's button: the banner goes, the page says it follows, and reads on.
  await banner.getByRole('button', { name: 'Switch to Anvil' }).click()
  await expect(banner).toBeHidden()
  await expect(page.getByTestId('chain-followed')).toHaveText(
    'Your wallet moved to Anvil: this page now shows Keyswarm on Anvil.',
  )
  const after = `Chain switch, after ${Date.now()}`
  await listOnChain(stack, chain, { creator: CREATOR, title: after })
  await expect(page.getByTestId('creator-section')).toContainText(after, { timeout: 30_000 })
  await expect(page.getByTestId('creator-section')).toContainText(before)
  await expect(library).not.toHaveAttribute('data-state', 'error')
})

test('a wallet already on a chain without Keyswarm gets the sentence on every page, never an empty page or an RPC error', async ({
  openContext,
  stack,
  chain,
}) => {
  const title = `Chain switch, missing deployment ${Date.now()}`
  const contentId = await listOnChain(stack, chain, { creator: CREATOR, title })
  const context = await openContext({ account: CREATOR })
  const page = await context.newPage()
  await page.goto('/')
  await connectTestWallet(page)
  // From now on the wallet starts every page on Ethereum, as one left there would.
  await context.addInitScript(() => (window as unknown as TestWallet).__testWallet.switchChain(1))
  const sentence = 'Keyswarm is not deployed on Ethereum; switch to Anvil to use it.'

  for (const path of ['/', '/library', `/watch?listing=${contentId}`]) {
    await page.goto(path)
    const banner = page.getByTestId('not-deployed-banner')
    await expect(banner, path).toContainText(sentence)
    await expect(banner.getByRole('button', { name: 'Switch to Anvil' }), path).toBeEnabled()
    // The page shows Anvil's Keyswarm under the banner.
    if (path === '/') {
      await expect(page.getByTestId('catalog')).toHaveAttribute('data-state', 'done')
      await expect(page.getByTestId('catalog-item').filter({ hasText: title })).toBeVisible()
    } else if (path === '/library') {
      await expect(page.getByTestId('library-chain')).toHaveAttribute('data-state', 'done')
      await expect(page.getByTestId('creator-section')).toContainText(title)
    } else await expect(page.getByTestId('listing-title')).toHaveText(title)
    await expect(page.getByText('RPC Request failed'), path).toHaveCount(0)
  }

  // The button moves the wallet; the sentence goes.
  await page.getByTestId('not-deployed-banner').getByRole('button', { name: 'Switch to Anvil' }).click()
  await expect(page.getByTestId('not-deployed-banner')).toBeHidden()
  await expect(page.getByTestId('chain-followed')).toBeVisible()
})

test('a wallet that moves between two deployed chains mid-page takes the catalog along: the page says so and shows the new chain’s listings, not the old', async ({
  openContext,
  stack,
  chain,
}) => {
  const chainB = stack.secondChain
  if (!chainB) throw new Error('The e2e stack runs no second chain (tests/e2e/global-setup.ts: secondChain).')
  const onA = `Chain A listing ${Date.now()}`
  const onB = `Chain B listing ${Date.now()}`
  await listOnChain(stack, chain, { creator: CREATOR, title: onA })
  await listOnChain(stack, chain, { creator: CREATOR, title: onB, on: chainB })

  const page = await (await openContext({ account: CREATOR })).newPage()
  await page.goto('/')
  await connectTestWallet(page)
  const catalog = page.getByTestId('catalog')
  const item = (title: string) => page.getByTestId('catalog-item').filter({ hasText: title })
  await expect(catalog).toHaveAttribute('data-state', 'done')
  await expect(item(onA)).toBeVisible()
  await expect(item(onB)).toHaveCount(0)
  // Marks this document: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { __beforeSwitch: boolean }).__beforeSwitch = true))

  await page.evaluate((id) => (window as unknown as TestWallet).__testWallet.switchChain(id), chainB.chainId)
  await expect(page.getByTestId('chain-followed')).toHaveText(
    'Your wallet moved to Anvil B: this page now shows Keyswarm on Anvil B.',
  )
  await expect(item(onB)).toBeVisible()
  await expect(catalog).toHaveAttribute('data-state', 'done')
  await expect(item(onA)).toHaveCount(0)
  await expect(page.getByTestId('not-deployed-banner')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __beforeSwitch?: boolean }).__beforeSwitch)).toBe(true)

  // And back: chain A's listings again, B's gone, still the same document.
  await page.evaluate(() => (window as unknown as TestWallet).__testWallet.switchChain(31337))
  await expect(page.getByTestId('chain-followed')).toHaveText('Your wallet moved to Anvil: this page now shows Keyswarm on Anvil.')
  await expect(item(onA)).toBeVisible()
  await expect(item(onB)).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __beforeSwitch?: boolean }).__beforeSwitch)).toBe(true)
})
