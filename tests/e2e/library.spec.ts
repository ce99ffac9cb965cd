import { randomBytes } from 'node:crypto'
import { collectPageErrors, expect, test } from './fixtures'
import { seedFromHome } from './torrent-helpers/seedFromHome'
import { storedDirs } from './torrent-helpers/storedDirs'

test('the seeder reloads and seeds again without re-selecting files; remove deletes torrent and data', async ({
  openContext,
}) => {
  const text = `Resumed seeding ${Date.now()}`
  const seederContext = await openContext()
  const { page: seeder, shareLink } = await seedFromHome(seederContext, [
    { name: 'resume.txt', mimeType: 'text/plain', buffer: Buffer.from(text) },
  ])
  const infoHash = shareLink.slice(-40)

  await seeder.goto('/library')
  await seeder.reload()
  const item = seeder.locator(`[data-infohash="${infoHash}"]`)
  await expect(item).toContainText('Shared by you')
  await expect(item.getByTestId('torrent-status')).toHaveAttribute('data-done', 'true')

  // Only the reloaded tab has the file: a new viewer gets it from there.
  const viewer = await (await openContext()).newPage()
  await viewer.goto(shareLink)
  await expect(viewer.getByTestId('text-preview')).toHaveText(text)

  expect((await storedDirs(seeder)).some((name) => name.endsWith(infoHash.slice(0, 8)))).toBe(true)
  await item.getByRole('button', { name: 'Remove' }).click()
  await expect(item).toHaveCount(0)
  expect((await storedDirs(seeder)).some((name) => name.endsWith(infoHash.slice(0, 8)))).toBe(false)
  await seeder.reload()
  await expect(seeder.getByText('Nothing yet.')).toBeVisible()
})

test('a reload mid-download resumes from the pieces already stored', async ({ openContext }) => {
  const payload = { name: 'big.bin', mimeType: 'application/octet-stream', buffer: randomBytes(32 * 1024 * 1024) }
  const firstSeeder = await openContext()
  const { page: firstSeederPage, shareLink } = await seedFromHome(firstSeeder, [payload])
  // A slow seeder: on an idle machine the whole file would arrive before the seeder could leave.
  const cdp = await firstSeeder.newCDPSession(firstSeederPage)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 })

  const viewer = await (await openContext()).newPage()
  await viewer.goto(shareLink)
  const status = viewer.getByTestId('torrent-status')
  const progress = async () => Number(await status.getAttribute('data-progress'))
  await expect.poll(progress, { intervals: [50], timeout: 60_000 }).toBeGreaterThan(0.05)
  // The only seeder leaves mid-download; what the viewer has must survive its reload.
  await firstSeeder.close()
  const before = await progress()
  expect(before).toBeLessThan(1)

  await viewer.reload()
  await expect.poll(progress, { timeout: 20_000 }).toBeGreaterThanOrEqual(before * 0.9)
  expect(await status.getAttribute('data-done')).toBe('false')
  await expect(viewer.getByTestId('stall')).toContainText(/peers/i)

  // A seeder comes back: the download completes from where it stopped.
  const { page: secondSeeder } = await seedFromHome(await openContext(), [payload])
  await expect(status).toHaveAttribute('data-done', 'true', { timeout: 60_000 })
  await secondSeeder.close()
})

test('bad inputs get a clear message and nothing crashes the page', async ({ openContext }) => {
  const page = await (await openContext()).newPage()
  const errors = collectPageErrors(page)

  await page.goto(`/watch?magnet=${encodeURIComponent('magnet:?xt=urn:btih:not-a-hash&dn=broken')}`)
  await expect(page.getByTestId('watch-error')).toContainText('is not a magnet link, an infohash or a share link')

  await page.goto('/')
  await page.getByLabel('Magnet link, infohash or share link').fill('hello world')
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page.getByTestId('open-error')).toContainText('is not a magnet link')

  await page
    .getByTestId('torrent-file-input')
    .setInputFiles({ name: 'fake.torrent', mimeType: 'application/x-bittorrent', buffer: Buffer.from('not a torrent') })
  await expect(page.getByTestId('open-error')).toContainText('"fake.torrent" is not a valid .torrent file.')

  await page.getByTestId('file-input').setInputFiles({
    name: 'also-fake.torrent',
    mimeType: 'application/x-bittorrent',
    buffer: Buffer.from('d3:foo3:bare'),
  })
  await expect(page.getByTestId('share-error')).toContainText('"also-fake.torrent" is not a valid .torrent file.')

  const nobody = randomBytes(20).toString('hex')
  await page.goto(`/watch?id=${nobody}`)
  await expect(page.getByTestId('stall')).toContainText('No peers yet: nobody is sharing this right now')

  expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([])
})
