import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { connectTestWallet, expect, test } from './fixtures'
import { publishPaid } from './paid-helpers/publishPaid'
import { unlockTimings } from '../../lib/purchases/unlockTimings'
import { purchaseCount } from './paid-helpers/readPurchase'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')

test('a buyer unlocks a paid video, the creator tab’s agent delivers the key by itself, and it plays, seeks and plays again after a reload', async ({
  openContext,
  chain,
  stack,
}) => {
  test.setTimeout(180_000)
  const creator = await (await openContext({ account: 6 })).newPage()
  const title = `Journey ${Date.now()}`
  const { contentId } = await publishPaid(creator, {
    title,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  })
  await expect(creator.getByTestId('agent-status')).toContainText('Delivery agent on')

  const buyer = await (await openContext({ account: 7 })).newPage()
  await buyer.goto(`/watch?listing=${contentId}`)
  await expect(buyer.getByTestId('listing-title')).toHaveText(title)
  await expect(buyer.getByTestId('listing-price')).toHaveText('0.01 ETH')
  await connectTestWallet(buyer)
  await buyer.getByRole('button', { name: 'Unlock for 0.01 ETH' }).click()
  await expectVideoPlays(buyer)
  await expect(buyer.getByTestId('infohash-check')).toContainText('matches the torrent')
  await expect(creator.getByTestId('agent-status')).toHaveAttribute('data-delivered', '1')

  await expect(creator.getByTestId('agent-status')).toContainText(/last batch \d+ gas/)
  const deliverGas = /last batch (\d+) gas/.exec(await creator.getByTestId('agent-status').innerText())![1]
  const unlockToFirstFrame = await buyer.evaluate(
    (name) => performance.getEntriesByName(name, 'measure').map((m) => Math.round(m.duration)),
    unlockTimings.measure,
  )
  const purchaseGas = await buyer.getByTestId('unlock-gas').getAttribute('data-purchase-gas')
  const listGas = await creator.getByTestId('publish-gas').getAttribute('data-list-gas')
  const agentGas = await creator.getByTestId('publish-gas').getAttribute('data-agent-gas')
  console.log(
    `paid.unlock_to_first_frame_ms=${unlockToFirstFrame[0]} gas.purchase=${purchaseGas} gas.list=${listGas} gas.agent_setup=${agentGas} gas.deliver_batch_of_1=${deliverGas}`,
  )
  // One click, one first frame: measured once, after the click.
  expect(unlockToFirstFrame).toHaveLength(1)
  expect(unlockToFirstFrame[0]).toBeGreaterThan(0)

  const video = buyer.getByTestId('player-video')
  const duration = await video.evaluate((v: HTMLVideoElement) => v.duration)
  await video.evaluate((v: HTMLVideoElement, t) => {
    v.currentTime = t
  }, duration * 0.75)
  await expectVideoPlays(buyer, { from: duration * 0.75, seconds: 1 })

  const sales = await purchaseCount(chain, stack.deployment.keyswarm)
  await buyer.reload()
  await expectVideoPlays(buyer)
  expect(await purchaseCount(chain, stack.deployment.keyswarm)).toBe(sales)

  // Another device of the same buyer: one signature restores the purchase, nothing is paid again.
  const device = await (await openContext({ account: 7 })).newPage()
  await device.goto(`/watch?listing=${contentId}`)
  await connectTestWallet(device)
  await device.getByRole('button', { name: 'Restore my purchases' }).click()
  await expectVideoPlays(device)
  expect(await purchaseCount(chain, stack.deployment.keyswarm)).toBe(sales)
})
