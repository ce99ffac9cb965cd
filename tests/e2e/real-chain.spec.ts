import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stopChild } from '../../scripts/lib/startStack'
import { buyOnChain, deliveriesOf } from './agent-helpers/buyOnChain'
import { connectTestWallet, devAccount, expect } from './fixtures'
import { publishPaid } from './paid-helpers/publishPaid'
import { purchaseCount } from './paid-helpers/readPurchase'
import { test } from './real-chain-helpers/realChainTest'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'

// Journeys on a chain like a real one: 2-second blocks, 20,000 blocks of history before anything
// the tests do, and every read of the page behind an endpoint that refuses wide eth_getLogs and
// rate-limits (see real-chain-helpers/realChainTest.ts). Accounts are this stack's own.

const root = join(import.meta.dirname, '..', '..')
const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')

test('behind a public-RPC-like endpoint on a 2-second chain with history: publish, buy, the tab’s agent delivers, play, reload, restore on a new device; catalog and both libraries list it', async ({
  openContext,
  chain,
  stack,
  realChain,
}) => {
  test.setTimeout(300_000)
  const history = realChain.history!
  expect(history.head - history.deployment.deployBlock).toBeGreaterThanOrEqual(20_000)
  realChain.rpcProxy!.stats.reset()

  const creator = await (await openContext({ account: 1 })).newPage()
  const title = `Real chain ${Date.now()}`
  const { contentId } = await publishPaid(creator, {
    title,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  })
  await expect(creator.getByTestId('agent-status')).toContainText('Delivery agent on')

  // A visitor finds it in the catalog, which had to read 20,000 blocks in ranges the endpoint allows.
  const buyer = await (await openContext({ account: 2 })).newPage()
  await buyer.goto('/')
  await expect(buyer.getByTestId('catalog-item').filter({ hasText: title })).toBeVisible({ timeout: 60_000 })
  expect(realChain.rpcProxy!.stats.byMethod.eth_getLogs).toBeGreaterThanOrEqual(10)

  await buyer.goto(`/watch?listing=${contentId}`)
  await expect(buyer.getByTestId('listing-title')).toHaveText(title)
  await connectTestWallet(buyer)
  await buyer.getByRole('button', { name: 'Unlock for 0.01 ETH' }).click()
  await expectVideoPlays(buyer)
  await expect(creator.getByTestId('agent-status')).toHaveAttribute('data-delivered', '1', { timeout: 60_000 })

  const sales = await purchaseCount(chain, stack.deployment.keyswarm)
  await buyer.reload()
  await expectVideoPlays(buyer)

  // Another device of the same buyer: restored from the chain's history, nothing paid again.
  const device = await (await openContext({ account: 2 })).newPage()
  await device.goto(`/watch?listing=${contentId}`)
  await connectTestWallet(device)
  await device.getByRole('button', { name: 'Restore my purchases' }).click()
  await expectVideoPlays(device)
  expect(await purchaseCount(chain, stack.deployment.keyswarm)).toBe(sales)

  // Both libraries, read behind the same endpoint.
  await device.goto('/library')
  const purchase = device.locator(`[data-testid="purchase"][data-content-id="${contentId}"]`)
  await expect(purchase).toContainText(title, { timeout: 60_000 })
  await expect(purchase.getByTestId('purchase-state')).toHaveText('Delivered')
  await creator.goto('/library')
  const card = creator.locator(`[data-testid="creator-listing"][data-content-id="${contentId}"]`)
  await expect(card.getByTestId('creator-listing-stats')).toHaveText('1 sold, 1 delivered, 0 refunded, 0 disputed', {
    timeout: 60_000,
  })
  // Everything above was read through the limited endpoint, back to the deployment 20,000 blocks ago.
  expect(realChain.rpcProxy!.stats.lowestLogBlock).toBeLessThanOrEqual(BigInt(history.deployment.deployBlock))
})

test('npm run agent, behind the same endpoint, delivers a purchase made while it was stopped once it starts again', async ({
  openContext,
  chain,
  stack,
  realChain,
}) => {
  test.setTimeout(300_000)
  const dir = await mkdtemp(join(tmpdir(), 'keyswarm-real-agent-'))
  let daemon: ChildProcess | undefined
  const startDaemon = () =>
    spawn(
      'npm',
      ['run', 'agent', '--', '--rpc', realChain.rpcUrl, '--secrets', join(dir, 'secrets.json'), '--interval', '1000'],
      { cwd: root, stdio: 'ignore', detached: true },
    )
  try {
    const creator = await (await openContext({ account: 3 })).newPage()
    const { contentId } = await publishPaid(creator, {
      title: `Daemon on a real chain ${Date.now()}`,
      file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
    })
    const status = creator.getByTestId('agent-status')
    await expect(status).toContainText('Delivery agent on')
    const download = creator.waitForEvent('download')
    await status.getByRole('button', { name: 'Export agent secrets for npm run agent' }).click()
    await (await download).saveAs(join(dir, 'secrets.json'))
    // The creator closes the tab: from now on only the daemon delivers.
    await creator.context().close()

    daemon = startDaemon()
    const first = await buyOnChain(chain, stack, { buyer: devAccount(4), contentId })
    await expect.poll(() => deliveriesOf(chain, stack, first), { timeout: 90_000 }).toHaveLength(1)

    // Stopped, a purchase comes in; started again, the daemon catches up from where it was.
    await stopChild(daemon)
    const second = await buyOnChain(chain, stack, { buyer: devAccount(5), contentId })
    expect(await deliveriesOf(chain, stack, second)).toHaveLength(0)
    daemon = startDaemon()
    await expect.poll(() => deliveriesOf(chain, stack, second), { timeout: 90_000 }).toHaveLength(1)
    expect(await deliveriesOf(chain, stack, first)).toHaveLength(1)
  } finally {
    if (daemon) await stopChild(daemon)
    await rm(dir, { recursive: true, force: true })
  }
})
