import { formatEther } from 'viem'
import { collectPageErrors, connectTestWallet, devAccount, expect, test } from './fixtures'

test('the injected wallet connects through RainbowKit and the header shows its address and balance', async ({
  openContext,
  chain,
}) => {
  const page = await (await openContext({ account: 3 })).newPage()
  const errors = collectPageErrors(page)
  await page.goto('/')
  await connectTestWallet(page)

  const address = page.getByTestId('wallet-address')
  await expect(address).toHaveAttribute('data-address', devAccount(3))
  await expect(address).toHaveText(new RegExp(`^${devAccount(3).slice(0, 4)}.*${devAccount(3).slice(-4)}$`))

  const onChain = Number(formatEther(await chain.public.getBalance({ address: devAccount(3) })))
  const balance = page.getByTestId('wallet-balance')
  await expect(balance).toContainText('ETH')
  // RainbowKit abbreviates large balances ("10k ETH").
  const [, digits, suffix] = /([\d.,]+)\s*([kKmM]?)/.exec(await balance.innerText())!
  const shown = Number(digits!.replace(/,/g, '')) * ({ k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[suffix!] ?? 1)
  expect(Math.abs(shown - onChain) / onChain).toBeLessThan(0.01)

  // The connection survives a reload (wagmi reconnects the injected wallet by itself).
  await page.reload()
  await expect(page.getByTestId('wallet-address')).toHaveAttribute('data-address', devAccount(3))
  expect(errors).toEqual([])
})

test('a wallet on the wrong chain gets a clear prompt, and the page recovers from a refused switch', async ({
  openContext,
}) => {
  const page = await (await openContext({ account: 4 })).newPage()
  await page.goto('/')
  await connectTestWallet(page)

  await page.evaluate(() => (window as unknown as { __testWallet: { switchChain(id: number): void } }).__testWallet.switchChain(1))
  const banner = page.getByTestId('not-deployed-banner')
  await expect(banner).toContainText('Keyswarm is not deployed on Ethereum; switch to Anvil to use it.')
  await expect(page.getByRole('button', { name: 'Wrong network' })).toBeVisible()

  // The person refuses the switch in the wallet: a sentence, and the prompt stays.
  await page.evaluate(() => (window as unknown as { __testWallet: { rejectNext(): void } }).__testWallet.rejectNext())
  await banner.getByRole('button', { name: /Switch to/ }).click()
  await expect(banner).toContainText('You rejected the request in your wallet.')

  await banner.getByRole('button', { name: /Switch to/ }).click()
  await expect(banner).toBeHidden()
  await expect(page.getByTestId('wallet-address')).toHaveAttribute('data-address', devAccount(4))
})

test('the dev wallet is offered on the local chain and comes funded', async ({ openContext, chain }) => {
  const page = await (await openContext()).newPage()
  await page.goto('/')
  await page.getByRole('button', { name: 'Connect wallet' }).click()
  await page.getByRole('button', { name: /Dev wallet/ }).click()
  const address = page.getByTestId('wallet-address')
  await expect(address).toBeVisible()
  const burner = (await address.getAttribute('data-address')) as `0x${string}`
  expect(await chain.public.getBalance({ address: burner })).toBeGreaterThan(0n)
  await expect(page.getByTestId('wallet-balance')).toContainText('ETH')
  // The burner key stays in this browser: the same address after a reload.
  await page.reload()
  await expect(page.getByTestId('wallet-address')).toHaveAttribute('data-address', burner)
})
