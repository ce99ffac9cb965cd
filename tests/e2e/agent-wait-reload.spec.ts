import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { connectTestWallet, expect, test } from './fixtures'
import { publishPaid } from './paid-helpers/publishPaid'
import { purchaseCount } from './paid-helpers/readPurchase'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')

test('a buyer who reloads while waiting for the key waits again, and plays without another click once the creator comes back', async ({
  openContext,
  chain,
  stack,
}) => {
  test.setTimeout(180_000)
  const creatorContext = await openContext({ account: 24 })
  const publishing = await creatorContext.newPage()
  const { contentId } = await publishPaid(publishing, {
    title: `Wait and reload ${Date.now()}`,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  })
  // The creator keeps its browser (its listing secrets stay) but closes every Keyswarm tab: no agent runs.
  await publishing.close()

  const buyer = await (await openContext({ account: 23 })).newPage()
  await buyer.goto(`/watch?listing=${contentId}`)
  await connectTestWallet(buyer)
  await buyer.getByRole('button', { name: /^Unlock for/ }).click()
  const step = buyer.getByTestId('unlock-step')
  await expect(step).toHaveAttribute('data-step', 'waiting', { timeout: 30_000 })
  const sales = await purchaseCount(chain, stack.deployment.keyswarm)

  await buyer.reload()
  await expect(step).toHaveAttribute('data-step', 'waiting', { timeout: 30_000 })
  await expect(step).toContainText('Paid. Waiting for the creator’s agent')
  // How long it has waited and until when the creator may deliver, before a refund is possible.
  await expect(buyer.getByTestId('unlock-wait')).toContainText(
    /since your purchase.*to deliver, else you can take a refund/,
  )
  await expect(buyer.getByRole('button', { name: /^Unlock for/ })).toBeDisabled()

  // Closing the page and opening the link again resumes too.
  await buyer.close()
  const again = await buyer.context().newPage()
  await again.goto(`/watch?listing=${contentId}`)
  await expect(again.getByTestId('unlock-step')).toHaveAttribute('data-step', 'waiting', { timeout: 30_000 })

  // The creator opens any Keyswarm page: its agent delivers, the waiting page verifies and plays.
  const creator = await creatorContext.newPage()
  await creator.goto('/')
  await expectVideoPlays(again)
  expect(await purchaseCount(chain, stack.deployment.keyswarm)).toBe(sales)
})
