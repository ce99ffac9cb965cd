import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'
import { seedFromHome } from './torrent-helpers/seedFromHome'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')

test('a video seeded in one context plays in another from the share link, and seeks to 75%', async ({ openContext }) => {
  const { shareLink } = await seedFromHome(await openContext(), [
    { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  ])

  const viewer = await (await openContext()).newPage()
  await viewer.goto(shareLink)
  await expectVideoPlays(viewer)

  const video = viewer.getByTestId('player-video')
  const duration = await video.evaluate((v: HTMLVideoElement) => v.duration)
  expect(duration).toBeCloseTo(20, 0)
  const target = duration * 0.75
  await video.evaluate((v: HTMLVideoElement, t) => {
    v.currentTime = t
  }, target)
  await expectVideoPlays(viewer, { from: target, seconds: 1 })
})
