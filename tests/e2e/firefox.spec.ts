import { join } from 'node:path'
import { expect } from './fixtures'
import { inFirefox } from './firefox-helpers/inFirefox'
import { test } from './firefox-helpers/firefoxTest'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')

test('files dropped in Firefox play from the share link in another Firefox and in Chromium, with seeking', async ({
  openFirefox,
  openContext,
  stack,
}) => {
  test.setTimeout(150_000)
  const seeder = inFirefox(await openFirefox())
  await seeder.page.goto(stack.webUrl)
  await seeder.pickFiles('file-input', [clip])
  await seeder.waitForAttribute('torrent-status', 'data-done', 'true', { timeout: 60_000 })
  const shareLink = await seeder.inputValue('share-link')
  expect(shareLink).toMatch(/\/watch\/\?id=[0-9a-f]{40}$/)

  const viewer = inFirefox(await openFirefox())
  await viewer.page.goto(shareLink)
  const played = await viewer.videoPlays()
  expect(played.src).toMatch(/\/stream\/[0-9a-f]{40}\//)
  expect(played.duration).toBeCloseTo(20, 0)
  await viewer.seek(15)
  await viewer.videoPlays({ from: 15 })

  // Chromium fetches from the Firefox seeder (and the Firefox viewer, which seeds back).
  const chromium = await (await openContext()).newPage()
  await chromium.goto(shareLink)
  await expectVideoPlays(chromium)
})
