import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { devAccount, expect, test } from './fixtures'
import { publishPaid } from './paid-helpers/publishPaid'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')

test('a creator publishes a paid video and the catalog lists it, newest first', async ({
  openContext,
  chain,
  stack,
}) => {
  const creator = await (await openContext({ account: 5 })).newPage()
  const title = `Paid clip ${Date.now()}`
  const { contentId } = await publishPaid(creator, {
    title,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  })

  const stored = await chain.public.readContract({
    address: stack.deployment.keyswarm,
    abi: (await import('../../lib/chain/abi/keyswarmAbi')).keyswarmAbi,
    functionName: 'listings',
    args: [contentId],
  })
  expect(stored.creator).toBe(devAccount(5))
  expect(stored.price).toBe(10n ** 16n)

  const visitor = await (await openContext()).newPage()
  await visitor.goto('/')
  const first = visitor.getByTestId('catalog-item').first()
  await expect(first).toContainText(title)
  await expect(first).toContainText('0.01 ETH')
  await visitor.getByRole('searchbox', { name: 'Search listings' }).fill('no such thing')
  await expect(visitor.getByTestId('catalog-item')).toHaveCount(0)
  await visitor.getByRole('searchbox', { name: 'Search listings' }).fill(title)
  await expect(visitor.getByTestId('catalog-item')).toHaveCount(1)
  await expect(visitor.getByTestId('catalog-item').getByRole('link')).toHaveAttribute(
    'href',
    `/watch/?listing=${contentId}`,
  )
})
