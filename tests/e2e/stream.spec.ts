import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Hex } from 'viem'
import { expect, test } from './fixtures'
import { encryptForTorrent } from './torrent-helpers/encryptForTorrent'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'
import { seedFromHome } from './torrent-helpers/seedFromHome'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')
/** A known content key: the decrypting path is tested without the chain (purchases deliver real ones). */
const knownKey: Hex = `0x${'6b6579737761726d'.repeat(4)}`

async function expectSeekPlays(page: import('@playwright/test').Page) {
  const video = page.getByTestId('player-video')
  const duration = await video.evaluate((v: HTMLVideoElement) => v.duration)
  expect(duration).toBeCloseTo(20, 0)
  const target = duration * 0.75
  await video.evaluate((v: HTMLVideoElement, t) => {
    v.currentTime = t
  }, target)
  await expectVideoPlays(page, { from: target, seconds: 1 })
}

test('a video seeded in one context plays in another from the share link, and seeks to 75%', async ({ openContext }) => {
  const { shareLink } = await seedFromHome(await openContext(), [
    { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  ])
  const viewer = await (await openContext()).newPage()
  await viewer.goto(shareLink)
  await expectVideoPlays(viewer)
  await expectSeekPlays(viewer)
})

test('an encrypted video plays and seeks through the decrypting path with its key', async ({ openContext }) => {
  const files = await encryptForTorrent(knownKey, [{ name: 'clip.mp4', type: 'video/mp4', bytes: await readFile(clip) }])
  const { shareLink } = await seedFromHome(await openContext(), files)

  // Without the key the swarm only ever sees ciphertext under opaque names.
  const outsider = await (await openContext()).newPage()
  await outsider.goto(shareLink)
  await expect(outsider.getByRole('button', { name: /0{31}1/ })).toBeVisible()
  await expect(outsider.getByTestId('player-video')).toHaveCount(0)

  const viewer = await (await openContext()).newPage()
  await viewer.goto(`${shareLink}#key=${knownKey.slice(2)}`)
  await expect(viewer.getByTestId('player-video')).toHaveAttribute('src', /\/clip\.mp4$/)
  await expectVideoPlays(viewer)
  await expectSeekPlays(viewer)
})

test('a wrong key is refused with a clear message', async ({ openContext }) => {
  const files = await encryptForTorrent(knownKey, [{ name: 'clip.mp4', type: 'video/mp4', bytes: Buffer.from('tiny') }])
  const { shareLink } = await seedFromHome(await openContext(), files)
  const viewer = await (await openContext()).newPage()
  await viewer.goto(`${shareLink}#key=${'00'.repeat(32)}`)
  await expect(viewer.getByTestId('decrypt-error')).toContainText(/key/i)
  await expect(viewer.getByTestId('player-video')).toHaveCount(0)
})
