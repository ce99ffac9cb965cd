import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { zeroHash } from 'viem'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import { readListings } from '../../lib/chain/readListings'
import { collectPageErrors, connectTestWallet, devAccount, expect, test } from './fixtures'
import { publishPaid } from './paid-helpers/publishPaid'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'

const fixtures = join(import.meta.dirname, '..', 'fixtures')

test('a creator publishes a free video with a cover; a visitor without a wallet sees the cover, plays and seeks', async ({
  openContext,
  chain,
  stack,
}) => {
  test.setTimeout(150_000)
  const creator = await (await openContext({ account: 17 })).newPage()
  const title = `Free clip ${Date.now()}`
  const extraTracker = 'ws://127.0.0.1:9/announce'
  const { contentId } = await publishPaid(creator, {
    title,
    free: true,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(join(fixtures, 'clip.mp4')) },
    cover: { name: 'poster.jpg', mimeType: 'image/jpeg', buffer: await readFile(join(fixtures, 'cover.jpg')) },
    trackers: extraTracker,
  })
  await expect(creator.getByTestId('publish-result')).toContainText('A free listing')

  const stored = await chain.public.readContract({
    address: stack.deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'listings',
    args: [contentId],
  })
  expect(stored.creator).toBe(devAccount(17))
  expect(stored.price).toBe(0n)
  expect(stored.keyHash).toBe(zeroHash)
  const [listed] = await readListings(chain.public as never, { deployment: stack.deployment, contentId })
  expect(listed!.trackers).toContain(extraTracker)

  const visitor = await (await openContext()).newPage()
  const errors = collectPageErrors(visitor)
  await visitor.goto('/')
  const item = visitor.getByTestId('catalog-item').filter({ hasText: title })
  await expect(item).toContainText('Free')
  await item.getByRole('link').click()
  await expect(visitor).toHaveURL(new RegExp(`/watch/\\?listing=${contentId}$`))
  await expect(visitor.getByTestId('listing-title')).toHaveText(title)
  await expect(visitor.getByTestId('listing-price')).toHaveText('Free')
  await expect(visitor.getByRole('button', { name: /Unlock/ })).toHaveCount(0)

  // The cover came from the swarm, scaled down in the creator's tab from 1600 px to at most 1280.
  const cover = visitor.getByTestId('listing-cover')
  await expect(cover).toBeVisible({ timeout: 30_000 })
  const size = await cover.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])
  expect(size).toEqual([1280, 720])

  await expectVideoPlays(visitor)
  await expect(visitor.getByTestId('infohash-check')).toContainText('matches the torrent')
  const video = visitor.getByTestId('player-video')
  const duration = await video.evaluate((v: HTMLVideoElement) => v.duration)
  await video.evaluate((v: HTMLVideoElement, t) => {
    v.currentTime = t
  }, duration * 0.75)
  await expectVideoPlays(visitor, { from: duration * 0.75, seconds: 1 })
  // The extra tracker is dead on purpose: Chromium logs its refused WebSocket, nothing else may fail.
  expect(errors.filter((e) => !e.includes(extraTracker))).toEqual([])
})

test('bad prices, trackers, web seeds and covers get a sentence, and nothing is listed', async ({
  openContext,
  chain,
  stack,
}) => {
  const page = await (await openContext({ account: 20 })).newPage()
  await page.goto('/publish')
  await connectTestWallet(page)
  await page.getByTestId('publish-files').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('hello'),
  })
  await page.getByLabel('Title').fill('Bad inputs')

  await page.getByTestId('publish-cover').setInputFiles({
    name: 'cover.png',
    mimeType: 'image/png',
    buffer: Buffer.from('this is not a picture'),
  })
  await expect(page.getByTestId('cover-error')).toHaveText(
    '"cover.png" is not an image this browser can read: pick a JPEG, PNG, WebP or GIF cover.',
  )
  await expect(page.getByTestId('cover-preview')).toHaveCount(0)
  await page.getByRole('button', { name: 'Publish and list' }).click()
  await expect(page.getByTestId('publish-error')).toContainText('is not an image this browser can read')
  await page.getByTestId('publish-cover').setInputFiles([])

  // One rule for a price, as /library uses: a paid listing is never given away by a "0" or a ".".
  const price = page.getByLabel('Price')
  for (const [typed, sentence] of [
    ['0', '“0” is not a price: enter a positive amount of ETH, like 0.02; a paid listing cannot cost nothing.'],
    ['.', '“.” is not a price: enter a positive amount of ETH with at most 18 decimals, like 0.02.'],
    ['-1', '“-1” is not a price: a price cannot be negative; enter a positive amount of ETH, like 0.02.'],
    ['0.0000000000000000001', '“0.0000000000000000001” is not a price: write ETH with at most 18 decimals, like 0.02.'],
  ]) {
    await price.fill(typed!)
    await page.getByRole('button', { name: 'Publish and list' }).click()
    await expect(page.getByTestId('publish-error')).toHaveText(sentence!)
  }
  await price.fill('0.01')

  await page.getByText('Trackers and web seeds (optional)').click()
  await page.getByLabel('Extra trackers').fill('https://tracker.example.org/announce')
  await page.getByRole('button', { name: 'Publish and list' }).click()
  await expect(page.getByTestId('publish-error')).toHaveText(
    '"https://tracker.example.org/announce" is not a WebSocket tracker: use a ws:// or wss:// address, one per line.',
  )

  await page.getByLabel('Extra trackers').fill('wss://tracker.example.org')
  await page.getByLabel('Web seeds').fill('ftp://files.example.org/')
  await page.getByRole('button', { name: 'Publish and list' }).click()
  await expect(page.getByTestId('publish-error')).toHaveText(
    '"ftp://files.example.org/" is not a web seed: use an http:// or https:// address, one per line.',
  )
  await expect(page.getByTestId('publish-stage')).toHaveCount(0)
  expect(await readListings(chain.public as never, { deployment: stack.deployment, creator: devAccount(20) })).toEqual(
    [],
  )
})
