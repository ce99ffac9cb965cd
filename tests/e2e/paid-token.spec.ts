import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createWalletClient, http } from 'viem'
import { anvil } from 'viem/chains'
import { mockStablecoinAbi } from '../../lib/chain/abi/mockStablecoinAbi'
import { connectTestWallet, devAccount, expect, test } from './fixtures'
import { publishPaid } from './paid-helpers/publishPaid'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')

test('a stablecoin-priced listing: the buyer approves, then buys, and the video plays', async ({
  openContext,
  chain,
  stack,
}) => {
  test.setTimeout(150_000)
  const stablecoin = stack.deployment.stablecoin!
  // Anvil signs for its unlocked dev accounts: account 9 mints itself the price in mUSD.
  const minter = createWalletClient({ chain: anvil, transport: http(stack.rpcUrl), account: devAccount(9) })
  await chain.public.waitForTransactionReceipt({
    hash: await minter.writeContract({
      address: stablecoin,
      abi: mockStablecoinAbi,
      functionName: 'mint',
      args: [devAccount(9), 5_000_000n],
    }),
  })

  const creator = await (await openContext({ account: 8 })).newPage()
  const { contentId } = await publishPaid(creator, {
    title: `Stable ${Date.now()}`,
    price: '5',
    currency: 'stablecoin',
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  })

  const buyer = await (await openContext({ account: 9 })).newPage()
  await buyer.goto(`/watch?listing=${contentId}`)
  await expect(buyer.getByTestId('listing-price')).toHaveText('5 mUSD')
  await connectTestWallet(buyer)
  await buyer.getByRole('button', { name: 'Unlock for 5 mUSD' }).click()
  await expectVideoPlays(buyer)
  const gas = buyer.getByTestId('unlock-gas')
  console.log(
    `gas.token_approve=${await gas.getAttribute('data-approve-gas')} gas.token_purchase=${await gas.getAttribute('data-purchase-gas')}`,
  )
  expect(Number(await gas.getAttribute('data-approve-gas'))).toBeGreaterThan(0)
  expect(
    await chain.public.readContract({
      address: stablecoin,
      abi: mockStablecoinAbi,
      functionName: 'balanceOf',
      args: [stack.deployment.keyswarm],
    }),
  ).toBeGreaterThanOrEqual(5_000_000n)
})

test('a refused wallet request and a wrong chain show a sentence, and the page recovers', async ({ openContext }) => {
  test.setTimeout(120_000)
  const creator = await (await openContext({ account: 5 })).newPage()
  const { contentId } = await publishPaid(creator, {
    title: `Refusals ${Date.now()}`,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  })

  const buyer = await (await openContext({ account: 7 })).newPage()
  await buyer.goto(`/watch?listing=${contentId}`)
  await connectTestWallet(buyer)
  type TestWallet = { __testWallet: { rejectNext(): void; switchChain(id: number): void } }
  // The account signature is cached from the journey test only in that context: here it is asked for, and refused.
  await buyer.evaluate(() => (window as unknown as TestWallet).__testWallet.rejectNext())
  await buyer.getByRole('button', { name: /^Unlock for/ }).click()
  await expect(buyer.getByTestId('unlock-error')).toHaveText('You rejected the request in your wallet.')

  // On another chain, Unlock asks the wallet to switch back; refused, it says so.
  await buyer.evaluate(() => (window as unknown as TestWallet).__testWallet.switchChain(1))
  await buyer.evaluate(() => (window as unknown as TestWallet).__testWallet.rejectNext())
  await buyer.getByRole('button', { name: /^Unlock for/ }).click()
  await expect(buyer.getByTestId('unlock-error')).toHaveText('You rejected the request in your wallet.')

  // Accepted this time: the wallet switches back and the purchase goes through.
  await buyer.getByRole('button', { name: /^Unlock for/ }).click()
  await expectVideoPlays(buyer)
})
