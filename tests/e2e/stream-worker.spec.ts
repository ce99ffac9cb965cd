import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Hex } from 'viem'
import { expect, test } from './fixtures'
import { encryptForTorrent } from './torrent-helpers/encryptForTorrent'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'
import { seedFromHome } from './torrent-helpers/seedFromHome'

// The streaming service worker beyond one player in one tab: saving a file, serving a tab that
// does not hold the torrent, and a new version of the worker taking over mid-playback.

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')
const builtWorker = join(import.meta.dirname, '..', '..', 'out', 'sw.js')
const knownKey: Hex = `0x${'6b6579737761726d'.repeat(4)}`
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

test('Save to disk downloads the decrypted file whole, under its real name', async ({ openContext }) => {
  const bytes = await readFile(clip)
  const files = await encryptForTorrent(knownKey, [{ name: 'clip.mp4', type: 'video/mp4', bytes }])
  const { shareLink } = await seedFromHome(await openContext(), files)
  const viewer = await (await openContext()).newPage()
  await viewer.goto(`${shareLink}#key=${knownKey.slice(2)}`)
  await expect(viewer.getByTestId('player-video')).toBeVisible()

  const [download] = await Promise.all([viewer.waitForEvent('download'), viewer.getByTestId('save-file').click()])
  expect(download.suggestedFilename()).toBe('clip.mp4')
  expect(sha256(await readFile((await download.path())!))).toBe(sha256(bytes))
})

test('a tab that does not hold the torrent is served by the tab that does', async ({ openContext }) => {
  const bytes = await readFile(clip)
  const { shareLink } = await seedFromHome(await openContext(), [
    { name: 'clip.mp4', mimeType: 'video/mp4', buffer: bytes },
  ])
  const context = await openContext()
  const player = await context.newPage()
  await player.goto(shareLink)
  await expectVideoPlays(player)
  const src = await player.getByTestId('player-video').getAttribute('src')

  // A page of the site without Keyswarm's code (the worker's own script as a document): the
  // worker asks it first, gets no answer, and turns to the player's tab.
  const other = await context.newPage()
  await other.goto('/sw.js')
  const answer = await other.evaluate(async (url) => {
    const response = await fetch(url!, { headers: { Range: 'bytes=1000-1999' } })
    return {
      status: response.status,
      range: response.headers.get('content-range'),
      body: [...new Uint8Array(await response.arrayBuffer())],
    }
  }, src)
  expect(answer.status).toBe(206)
  expect(answer.range).toBe(`bytes 1000-1999/${bytes.length}`)
  expect(Buffer.from(answer.body).equals(bytes.subarray(1000, 2000))).toBe(true)
})

test('a new version of the worker takes over while a video plays, and seeking still works', async ({ openContext }) => {
  const { shareLink } = await seedFromHome(await openContext(), [
    { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  ])
  const viewer = await (await openContext()).newPage()
  await viewer.goto(shareLink)
  await expectVideoPlays(viewer)
  const scriptUrl = () => viewer.evaluate(() => navigator.serviceWorker.controller?.scriptURL)
  const firstWorker = await viewer.evaluate(() => {
    ;(window as unknown as { __replaced: Promise<void> }).__replaced = new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
    )
    return navigator.serviceWorker.controller !== null
  })
  expect(firstWorker).toBe(true)

  // Deploy a new version (a changed byte is a new worker), and let the page look for it.
  const original = await readFile(builtWorker, 'utf8')
  try {
    await writeFile(builtWorker, `${original}\n// next deploy ${Date.now()}\n`)
    await viewer.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())!.update()
      await (window as unknown as { __replaced: Promise<void> }).__replaced
    })
  } finally {
    await writeFile(builtWorker, original)
  }
  expect(await scriptUrl()).toMatch(/\/sw\.js$/)

  const video = viewer.getByTestId('player-video')
  const now = await video.evaluate((v: HTMLVideoElement) => v.currentTime)
  await expectVideoPlays(viewer, { from: now, seconds: 1 })
  const target = (await video.evaluate((v: HTMLVideoElement) => v.duration)) * 0.8
  await video.evaluate((v: HTMLVideoElement, t) => {
    v.currentTime = t
  }, target)
  await expectVideoPlays(viewer, { from: target, seconds: 1 })
})
