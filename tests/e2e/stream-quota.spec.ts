import { createHash, randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BrowserContext, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'
import { seedFromHome } from './torrent-helpers/seedFromHome'

// Real quota enforcement: Chromium's quota manager is told (over CDP) how much this origin may
// store, and the Origin Private File System refuses writes beyond it, as on a full disk.

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')
const MB = 1_000_000
const fullSentence = 'The browser storage for this site is full'

/** Gives the page's origin `extra` bytes of room on top of what it already stores. */
async function limitQuota(context: BrowserContext, page: Page, extra: number) {
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: usage + extra })
  note('quota', `usage ${usage} + room ${extra} = quota ${usage + extra}`)
  return async (quotaSize?: number) =>
    cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize })
}

/** Keeps a figure with the test's result (shown by the reporter), for a failure's post-mortem. */
function note(type: string, description: string) {
  test.info().annotations.push({ type, description })
}

/** The piece files of a torrent's OPFS directory that hold nothing: what a refused write used to leave. */
async function emptyPieceFiles(page: Page, torrentName: string): Promise<string[]> {
  return page.evaluate(async (prefix) => {
    const empty: string[] = []
    const root = await navigator.storage.getDirectory()
    const entries = (handle: FileSystemDirectoryHandle) =>
      (handle as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()
    for await (const [name, directory] of entries(root)) {
      if (!name.startsWith(prefix) || directory.kind !== 'directory') continue
      for await (const [key, file] of entries(directory as FileSystemDirectoryHandle)) {
        if (/^\d+$/.test(key) && (await (file as FileSystemFileHandle).getFile()).size === 0) empty.push(key)
      }
    }
    return empty
  }, `${torrentName} - `)
}

/** SHA-256 (hex) of the whole file the page's player streams, read through the service worker. */
async function playedFileDigest(page: Page): Promise<string> {
  const src = await page.getByTestId('player-video').evaluate((video: HTMLVideoElement) => video.currentSrc)
  return page.evaluate(async (url) => {
    const response = await fetch(url)
    if (!response.ok) throw new Error(`${url} answered ${response.status}`)
    const digest = await crypto.subtle.digest('SHA-256', await response.arrayBuffer())
    return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
  }, src)
}

function uncaughtErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => {
    errors.push(error.message)
  })
  return errors
}

test('a download that outgrows the quota says so, and continues once a torrent is removed', async ({ openContext }) => {
  const clipBytes = await readFile(clip)
  // Seeded from two tabs of one context: the filler first fills the viewer's storage.
  const seeder = await openContext()
  const { shareLink: clipLink } = await seedFromHome(seeder, [
    { name: 'clip.mp4', mimeType: 'video/mp4', buffer: clipBytes },
  ])
  const { shareLink: fillerLink } = await seedFromHome(seeder, [
    { name: 'filler.bin', mimeType: 'application/octet-stream', buffer: randomBytes(3 * MB) },
  ])

  const viewerContext = await openContext()
  const viewer = await viewerContext.newPage()
  const errors = uncaughtErrors(viewer)
  await viewer.goto('/')
  // Room for the filler (3 MB) or the clip (1.7 MB), not both (4.7 MB), with wide margins either way:
  // what else the origin stores (the library's .torrent files, IndexedDB, the worker) varies a little.
  await limitQuota(viewerContext, viewer, 3.6 * MB)

  await viewer.goto(fillerLink)
  await expect(viewer.getByTestId('torrent-status')).toHaveAttribute('data-done', 'true', { timeout: 60_000 })

  await viewer.goto(clipLink)
  await expect(viewer.getByTestId('stall')).toContainText(fullSentence, { timeout: 60_000 })
  await expect(viewer.getByTestId('retry')).toBeVisible()
  note('usage when full', String(await viewer.evaluate(async () => (await navigator.storage.estimate()).usage)))
  // A refused piece write leaves no empty file behind: one would pass for a stored piece when the
  // torrent resumes, so the piece would never be fetched again and the file would stay broken.
  await expect.poll(() => emptyPieceFiles(viewer, 'clip.mp4')).toEqual([])

  // Another tab of the site removes the filler from the library...
  const library = await viewerContext.newPage()
  await library.goto('/library')
  const filler = library.getByTestId('library-item').filter({ hasText: 'filler.bin' })
  await filler.getByRole('button', { name: 'Remove' }).click()
  await expect(filler).toHaveCount(0)
  await library.close()

  // ...and the stopped download picks up again in the first one, and loses nothing. The new player
  // streams from a URL of its own: Chromium shares media loads by URL, and the old player's load
  // failed (or hangs) with the stopped torrent.
  await viewer.getByTestId('retry').click()
  await expect(viewer.getByTestId('player-video')).toHaveAttribute('src', /[?&]session=1$/)
  await expectVideoPlays(viewer)
  await expect(viewer.getByTestId('torrent-status')).toHaveAttribute('data-done', 'true', { timeout: 60_000 })
  expect(await playedFileDigest(viewer)).toBe(createHash('sha256').update(clipBytes).digest('hex'))
  expect(errors).toEqual([])
})

test('seeding files larger than the quota says so, and works once there is room', async ({ openContext }) => {
  const context = await openContext()
  const page = await context.newPage()
  const errors = uncaughtErrors(page)
  await page.goto('/')
  const setQuota = await limitQuota(context, page, 0.5 * MB)
  const files = [{ name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) }]

  await page.getByTestId('file-input').setInputFiles(files)
  await expect(page.getByTestId('share-error')).toContainText(fullSentence, { timeout: 60_000 })
  await expect(page.getByTestId('share-result')).toHaveCount(0)

  await setQuota() // back to the browser's own quota: as if the person freed space
  await page.getByTestId('file-input').setInputFiles(files)
  await expect(page.getByTestId('torrent-status')).toHaveAttribute('data-done', 'true', { timeout: 60_000 })
  await expect(page.getByTestId('share-error')).toHaveCount(0)
  expect(errors).toEqual([])
})
