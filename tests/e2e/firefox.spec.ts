import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Hex } from 'viem'
import { startHostSite } from './embed-helpers/startHostSite'
import { expect } from './fixtures'
import { inFirefox } from './firefox-helpers/inFirefox'
import { test } from './firefox-helpers/firefoxTest'
import { publishPaid } from './paid-helpers/publishPaid'
import { encryptForTorrent } from './torrent-helpers/encryptForTorrent'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'
import { seedFromHome } from './torrent-helpers/seedFromHome'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')
/** A known content key: the decrypting path without the chain (the unlock journey gets a real one). */
const knownKey: Hex = `0x${'6b6579737761726d'.repeat(4)}`

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

test('an encrypted video seeded by Chromium plays and seeks in Firefox, decrypted through its service worker', async ({
  openFirefox,
  openContext,
}) => {
  test.setTimeout(120_000)
  const files = await encryptForTorrent(knownKey, [
    { name: 'clip.mp4', type: 'video/mp4', bytes: await readFile(clip) },
  ])
  const { shareLink } = await seedFromHome(await openContext(), files)

  const viewer = inFirefox(await openFirefox())
  await viewer.page.goto(`${shareLink}#key=${knownKey.slice(2)}`)
  const played = await viewer.videoPlays()
  // The plaintext name comes from the decrypted manifest; the bytes from the worker's /stream URL.
  expect(played.src).toMatch(/\/stream\/[0-9a-f]{40}\/.*clip\.mp4$/)
  expect(await viewer.page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true)
  await viewer.seek(15)
  await viewer.videoPlays({ from: 15 })
})

test('a Firefox buyer unlocks a paid video with the dev wallet, and it plays and seeks', async ({
  openFirefox,
  openContext,
  stack,
}) => {
  test.setTimeout(180_000)
  const creator = await (await openContext({ account: 39 })).newPage()
  const title = `Firefox ${Date.now()}`
  const { contentId } = await publishPaid(creator, {
    title,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  })
  await expect(creator.getByTestId('agent-status')).toContainText('Delivery agent on')

  const buyer = inFirefox(await openFirefox())
  await buyer.page.goto(`${stack.webUrl}/watch?listing=${contentId}`)
  await buyer.waitForText('listing-title', new RegExp(`^${title}$`))
  await buyer.waitForText('listing-price', /^0\.01 ETH$/)
  await buyer.clickButton(/^Connect wallet$/)
  await buyer.clickButton(/Dev wallet/)
  await buyer.waitForAttribute('wallet-address', 'data-address', /^0x[0-9a-fA-F]{40}$/)
  await buyer.clickButton(/^Unlock for 0\.01 ETH$/, { timeout: 60_000 })
  await buyer.videoPlays({ timeout: 90_000 })
  await expect(creator.getByTestId('agent-status')).toHaveAttribute('data-delivered', '1')
  await buyer.waitForText('infohash-check', /matches the torrent/)
  await buyer.seek(15)
  await buyer.videoPlays({ from: 15 })
})

test('the embed plays a free torrent on a host page in Firefox, driven through the JS API', async ({
  openFirefox,
  openContext,
  stack,
}) => {
  test.setTimeout(120_000)
  const host = await startHostSite()
  try {
    const { shareLink } = await seedFromHome(await openContext(), [
      { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
    ])
    const infoHash = new URL(shareLink).searchParams.get('id')!
    const viewer = inFirefox(await openFirefox())
    await viewer.page.goto(
      host.page(
        '/firefox',
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A creator's site</title></head>
<body><div style="width:640px"><script src="${stack.webUrl}/embed.js" data-id="${infoHash}" data-muted="1"></script></div>
<script>
  window.seen = []
  for (const type of ['ready', 'play', 'timeupdate', 'error'])
    Keyswarm.players[0].on(type, (event) => window.seen.push({ ...event, type }))
</script></body></html>`,
      ),
    )
    type Seen = { type: string; currentTime?: number }
    const seen = (type: string) =>
      viewer.page.evaluate(
        (wanted) => (window as unknown as { seen: Seen[] }).seen.filter((e) => e.type === wanted),
        type,
      )
    await viewer.until('the embed to say ready', async () => ((await seen('ready')).length ? true : undefined))
    await viewer.page.evaluate(() =>
      (window as unknown as { Keyswarm: { players: { play: () => void }[] } }).Keyswarm.players[0]!.play(),
    )
    await viewer.until(
      'timeupdate past 2 s',
      async () => (((await seen('timeupdate')).at(-1)?.currentTime ?? 0) > 2 ? true : undefined),
      {
        timeout: 60_000,
      },
    )
    await viewer.page.evaluate(() =>
      (window as unknown as { Keyswarm: { players: { seek: (t: number) => void }[] } }).Keyswarm.players[0]!.seek(15),
    )
    await viewer.until('timeupdate past 16 s after the seek', async () =>
      ((await seen('timeupdate')).at(-1)?.currentTime ?? 0) > 16 ? true : undefined,
    )
    expect(await seen('error')).toEqual([])
  } finally {
    await host.close()
  }
})

test('a Firefox reload mid-download resumes from the pieces already stored', async ({ openFirefox, openContext }) => {
  // Firefox stores pieces slowly (see README): under load this journey has taken 96 s.
  test.setTimeout(180_000)
  const payload = { name: 'big.bin', mimeType: 'application/octet-stream', buffer: randomBytes(8 * 1024 * 1024) }
  const firstSeeder = await openContext()
  const { page: firstSeederPage, shareLink } = await seedFromHome(firstSeeder, [payload])
  // A slow seeder (as in library.spec.ts): Firefox's store no longer holds the download back (it
  // writes behind, up to 16 MiB), so on an idle machine all 8 MiB would arrive before the seeder left.
  const cdp = await firstSeeder.newCDPSession(firstSeederPage)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 })

  const viewer = inFirefox(await openFirefox())
  await viewer.page.goto(shareLink)
  const progress = async () => Number(await viewer.attribute('torrent-status', 'data-progress'))
  await viewer.until('progress past 10%', async () => ((await progress()) > 0.1 ? true : undefined), {
    timeout: 60_000,
  })
  // The only seeder leaves mid-download; what the viewer stored must survive its reload.
  await firstSeeder.close()
  const before = await progress()
  expect(before).toBeLessThan(1)
  // Firefox's OPFS writes trail the download by up to 16 MiB (the store serves those pieces from
  // memory meanwhile): a reload loses what is not on disk yet, so wait until the disk has caught up.
  const infoHash = new URL(shareLink).searchParams.get('id')!
  const stored = () =>
    viewer.page.evaluate(storedBytes, infoHash.slice(0, 8)).then((bytes) => bytes / payload.buffer.length)
  await viewer.until(`the stored pieces to reach ${before}`, async () =>
    (await stored()) >= before * 0.98 ? true : undefined,
  )

  await viewer.page.reload()
  await viewer.until(`progress back to ${before}`, async () => ((await progress()) >= before * 0.9 ? true : undefined))
  expect(await viewer.attribute('torrent-status', 'data-done')).toBe('false')
  await viewer.waitForText('stall', /peers/i)

  // A seeder comes back: the download completes from where it stopped.
  const { page: secondSeeder } = await seedFromHome(await openContext(), [payload])
  await viewer.waitForAttribute('torrent-status', 'data-done', 'true', { timeout: 90_000 })
  await secondSeeder.close()
})

test('a Firefox without service workers says so, downloads the whole video, then plays and seeks it', async ({
  openFirefox,
  openContext,
}) => {
  test.setTimeout(120_000)
  const { shareLink } = await seedFromHome(await openContext(), [
    { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  ])
  // What a private window does to a page: no service worker, so nothing can stream through /stream.
  const viewer = inFirefox(await openFirefox({ prefs: { 'dom.serviceWorkers.enabled': false } }))
  await viewer.page.goto(shareLink)
  await viewer.waitForText(
    'player-fallback',
    /will not run the service worker .* download the whole file, then it plays here/,
  )
  expect(await viewer.video()).toBeNull()
  await viewer.clickButton(/^Download, then play$/)
  const played = await viewer.videoPlays()
  expect(played.src).toMatch(/^blob:/)
  expect(played.duration).toBeCloseTo(20, 0)
  await viewer.seek(15)
  await viewer.videoPlays({ from: 15 })
})

/** Bytes of the non-empty piece files in the OPFS directory of the torrent whose infohash starts so (runs in the page). */
async function storedBytes(infoHashPrefix: string): Promise<number> {
  type Iterable<T> = { values(): AsyncIterable<T> }
  let total = 0
  const root = await navigator.storage.getDirectory()
  for await (const directory of (root as unknown as Iterable<FileSystemHandle>).values()) {
    if (directory.kind !== 'directory' || !directory.name.endsWith(infoHashPrefix)) continue
    for await (const file of (directory as unknown as Iterable<FileSystemHandle>).values())
      if (file.kind === 'file') total += (await (file as FileSystemFileHandle).getFile()).size
  }
  return total
}
