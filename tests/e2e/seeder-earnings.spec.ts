import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { type Address, createWalletClient, http, keccak256, parseEther, parseEventLogs, toHex, zeroAddress } from 'viem'
import { anvil } from 'viem/chains'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import { publicPoint } from '../../lib/crypto'
import { transactionsFrom } from './agent-helpers/buyOnChain'
import { publishWithAgentSecrets } from './agent-helpers/publishWithAgentSecrets'
import { startAgentDaemon } from './agent-helpers/startAgentDaemon'
import { type E2EChain, type E2EStack, connectTestWallet, devAccount, expect, test } from './fixtures'
import { publishPaid } from './paid-helpers/publishPaid'
import { readListing } from './paid-helpers/readListing'
import { downloadInPlainClient } from './torrent-helpers/downloadInPlainClient'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'
import { openPlainWebTorrent } from './torrent-helpers/openPlainWebTorrent'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')
const HOUR = 60 * 60
const DAY = 24 * HOUR

const balanceOf = (chain: E2EChain, stack: E2EStack, account: Address) =>
  chain.public.readContract({
    address: stack.deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'balanceOf',
    args: [account, zeroAddress],
  })

/** Moves the local chain's clock on and mines a block, so reads see the new time. */
async function advance(chain: E2EChain, seconds: number) {
  await chain.test.increaseTime({ seconds })
  await chain.test.mine({ blocks: 1 })
}

/** Connects the test wallet unless the page already reconnected it (a second tab of the same person). */
async function ensureWallet(page: Page) {
  const connected = page.getByTestId('wallet-address')
  const connect = page.getByRole('button', { name: 'Connect wallet' })
  await expect(connected.or(connect)).toBeVisible()
  if (!(await connected.isVisible())) await connectTestWallet(page)
}

/** What `from` paid in gas for its transactions since `fromBlock`. */
async function gasPaid(chain: E2EChain, from: Address, fromBlock: bigint) {
  let paid = 0n
  for (const { hash } of await transactionsFrom(chain, { from, fromBlock })) {
    const receipt = await chain.public.getTransactionReceipt({ hash })
    paid += receipt.gasUsed * receipt.effectiveGasPrice
  }
  return paid
}

test('a buyer who keeps seeding earns from the next buyer’s receipts, claims and withdraws it, and the creator sweeps the rest', async ({
  openContext,
  chain,
  stack,
}) => {
  test.setTimeout(300_000)
  const creatorAddress = devAccount(29)
  const seederAddress = devAccount(30)
  const price = parseEther('0.01')
  const pool = (price * 1000n) / 10_000n

  // The creator publishes (10% to seeders by default) and exports its agent for the daemon.
  const creatorContext = await openContext({ account: 29 })
  const creator = await creatorContext.newPage()
  const secretsPath = test.info().outputPath('agent-secrets.json')
  const { contentId } = await publishWithAgentSecrets(creator, {
    title: `Earnings ${Date.now()}`,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
    secretsPath,
  })
  const listing = await readListing(chain, stack.deployment.keyswarm, contentId)
  const size = listing.size

  // Buyer A buys, plays, downloads it all and keeps its tab open: it seeds.
  const seederContext = await openContext({ account: 30 })
  const seeder = await seederContext.newPage()
  await seeder.goto(`/watch?listing=${contentId}`)
  await connectTestWallet(seeder)
  await seeder.getByRole('button', { name: 'Unlock for 0.01 ETH' }).click()
  await expectVideoPlays(seeder)
  await expect(seeder.getByTestId('torrent-status')).toHaveAttribute('data-done', 'true', { timeout: 60_000 })

  // The creator's tab closes: from here only A holds the ciphertext, and the daemon delivers.
  await creatorContext.close()
  const stopDaemon = await startAgentDaemon({ rpcUrl: stack.rpcUrl, secretsPath })
  try {
    // Buyer B buys and downloads everything from A.
    const buyer = await (await openContext({ account: 31 })).newPage()
    await buyer.goto(`/watch?listing=${contentId}`)
    await connectTestWallet(buyer)
    await buyer.getByRole('button', { name: 'Unlock for 0.01 ETH' }).click()
    await expectVideoPlays(buyer)
    await expect(buyer.getByTestId('torrent-status')).toHaveAttribute('data-done', 'true', { timeout: 60_000 })
  } finally {
    stopDaemon()
  }

  // A plain WebTorrent client in the same swarm still downloads the ciphertext from the Keyswarm peers.
  const plain = await openPlainWebTorrent(await openContext())
  const plainCopy = await downloadInPlainClient(plain, { infoHash: listing.infoHash.slice(2), tracker: stack.trackerUrl })
  expect(BigInt(plainCopy.length)).toBe(size)
  expect(plainCopy.badPieces).toBe(0)

  // A's tab holds B's receipt: its /library shows the earning, waiting for the sale to be final.
  const library = await seederContext.newPage()
  await library.goto('/library')
  await ensureWallet(library)
  const card = library.getByTestId('earnings-card')
  await expect(card).toHaveAttribute('data-receipts', '1', { timeout: 30_000 })
  await expect(card).not.toHaveAttribute('data-bytes', '0')
  await expect(card).toHaveAttribute('data-claimable', '0')

  // After the dispute window, the sale settles and the receipt is claimable.
  await advance(chain, 2 * HOUR + 60)
  await expect(card).not.toHaveAttribute('data-claimable', '0', { timeout: 15_000 })
  const bytes = BigInt((await card.getAttribute('data-bytes'))!)
  expect(bytes).toBeGreaterThan(size / 2n)
  expect(bytes).toBeLessThanOrEqual(size)
  const earned = (pool * bytes) / size
  await expect(card).toHaveAttribute('data-claimable', String(earned))
  await expect(library.getByTestId('claim-estimate')).toContainText(/costs about .* ETH \(\d+ gas\)/)

  const fromBlock = (await chain.public.getBlockNumber({ cacheTime: 0 })) + 1n
  const walletBefore = await chain.public.getBalance({ address: seederAddress })
  const heldBefore = await balanceOf(chain, stack, seederAddress)
  await card.getByRole('button', { name: 'Claim all' }).click()
  await expect(library.getByTestId('claim-status')).toHaveAttribute('data-status', 'success', { timeout: 30_000 })
  expect((await balanceOf(chain, stack, seederAddress)) - heldBefore).toBe(earned)
  await expect(card).toHaveAttribute('data-withdrawable', String(heldBefore + earned))
  await card.getByRole('button', { name: 'Withdraw ETH' }).click()
  await expect(library.getByTestId('earnings-withdraw-status')).toHaveAttribute('data-status', 'success', {
    timeout: 30_000,
  })
  const walletAfter = await chain.public.getBalance({ address: seederAddress })
  expect(walletAfter - walletBefore + (await gasPaid(chain, seederAddress, fromBlock))).toBe(heldBefore + earned)

  // After the claim window, the creator sweeps what seeders left: both sales' pools but A's claim.
  await advance(chain, 31 * DAY)
  const creatorAgain = await (await openContext({ account: 29 })).newPage()
  await creatorAgain.goto('/library')
  await connectTestWallet(creatorAgain)
  const sweep = creatorAgain.getByTestId('sweep-pools')
  // A's own sale paid no seeder (the creator's tab closed with A's receipts); B's has what A did not earn.
  const left = earned < pool ? 2 : 1
  await expect(sweep).toContainText(`unclaimed in ${left} sale${left === 1 ? '' : 's'}`, { timeout: 30_000 })
  const sweptFrom = (await chain.public.getBlockNumber({ cacheTime: 0 })) + 1n
  await sweep.getByRole('button', { name: 'Sweep all' }).click()
  await expect(creatorAgain.getByTestId('sweep-status')).toHaveAttribute('data-status', 'success', { timeout: 30_000 })
  const swept = await chain.public.getContractEvents({
    address: stack.deployment.keyswarm,
    abi: keyswarmAbi,
    eventName: 'Swept',
    fromBlock: sweptFrom,
  })
  expect(swept.reduce((total, log) => total + log.args.amount!, 0n)).toBe(2n * pool - earned)
  expect(swept.every((log) => log.args.creator === creatorAddress)).toBe(true)
})

test('a listing whose size is not its torrent’s cannot be bought', async ({ openContext, chain, stack }) => {
  test.setTimeout(120_000)
  const creator = await (await openContext({ account: 32 })).newPage()
  const { contentId } = await publishPaid(creator, {
    title: `Honest ${Date.now()}`,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  })
  const honest = await readListing(chain, stack.deployment.keyswarm, contentId)
  // The same torrent listed again, claiming twice its size: every seeder would be paid half.
  const delivery = publicPoint(keccak256(toHex('oversized listing delivery key')))
  const wallet = createWalletClient({ chain: anvil, transport: http(stack.rpcUrl), account: devAccount(32) })
  const hash = await wallet.writeContract({
    address: stack.deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'list',
    args: [
      {
        infoHash: honest.infoHash,
        size: honest.size * 2n,
        token: zeroAddress,
        price: parseEther('0.01'),
        seedShareBps: 1_000,
        keyHash: honest.keyHash,
        deliveryX: delivery.x,
        deliveryY: delivery.y,
        title: 'Oversized',
        description: '',
        trackers: [stack.trackerUrl],
        webSeeds: [],
      },
    ],
  })
  const mined = await chain.public.waitForTransactionReceipt({ hash })
  const oversized = parseEventLogs({ abi: keyswarmAbi, logs: mined.logs, eventName: 'Listed' })[0]!.args.contentId!

  const buyer = await (await openContext({ account: 31 })).newPage()
  await buyer.goto(`/watch?listing=${oversized}`)
  await connectTestWallet(buyer)
  const sales = await chain.public.readContract({
    address: stack.deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'purchaseCount',
  })
  await buyer.getByRole('button', { name: 'Unlock for 0.01 ETH' }).click()
  await expect(buyer.getByTestId('unlock-error')).toContainText(
    `says its file is ${honest.size * 2n} bytes but its torrent holds ${honest.size}`,
    { timeout: 60_000 },
  )
  expect(
    await chain.public.readContract({
      address: stack.deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'purchaseCount',
    }),
  ).toBe(sales)
})
