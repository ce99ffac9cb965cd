import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type HostSite, startHostSite } from './embed-helpers/startHostSite'
import { collectPageErrors, expect, test } from './fixtures'
import { publishPaid } from './paid-helpers/publishPaid'
import { seedFromHome } from './torrent-helpers/seedFromHome'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')

/** An event as the host page saw it arrive from the player. */
type Seen = { type: string; [field: string]: unknown }

declare global {
  interface Window {
    /** Every player event the host page received, in order. */
    seen: Seen[]
  }
}

let host: HostSite
test.beforeAll(async () => {
  host = await startHostSite()
})
test.afterAll(async () => {
  await host?.close()
})

/** The events of `type` the host page has received so far. */
const seen = (page: Page, type: string) =>
  page.evaluate((wanted) => window.seen.filter((event) => event.type === wanted), type)

const hostPage = (body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A creator's site</title></head>
<body style="margin:0;font-family:sans-serif"><h1>My films</h1>${body}</body></html>`

test('a script tag on another origin plays a free torrent, and the host drives it through the JS API', async ({
  openContext,
  stack,
}) => {
  test.setTimeout(150_000)
  const { shareLink } = await seedFromHome(await openContext(), [
    { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  ])
  const infoHash = new URL(shareLink).searchParams.get('id')!

  const viewerContext = await openContext()
  const viewer = await viewerContext.newPage()
  const errors = collectPageErrors(viewer)
  await viewer.goto(
    host.page(
      '/free',
      hostPage(`<div style="width:640px">
  <script src="${stack.webUrl}/embed.js" data-id="${infoHash}" data-muted="1"></script>
</div>
<script>
  window.seen = []
  const player = Keyswarm.players[0]
  for (const type of ['ready', 'play', 'pause', 'timeupdate', 'ended', 'error', 'progress'])
    player.on(type, (event) => window.seen.push({ ...event, at: performance.now() }))
</script>`),
    ),
  )

  // The script replaced itself with a 16:9 frame of the app's /embed, told to answer this page only.
  const iframe = viewer.locator('iframe')
  const src = new URL((await iframe.getAttribute('src'))!)
  expect(src.origin).toBe(stack.webUrl)
  expect(src.pathname).toBe('/embed/')
  expect(src.searchParams.get('origin')).toBe(host.origin)
  const box = (await iframe.boundingBox())!
  expect(box.width).toBe(640)
  expect(box.height).toBeCloseTo(360, 0)
  expect(await viewer.locator('script[data-id]').count()).toBe(0)

  await expect.poll(() => seen(viewer, 'ready')).toHaveLength(1)
  const frame = viewer.frameLocator('iframe')
  // Chrome-less: the site's header and footer are not in the frame.
  await expect(frame.getByTestId('embed')).toBeVisible()
  expect(await frame.getByRole('link', { name: 'Keyswarm' }).count()).toBe(0)
  expect(await frame.locator('footer').count()).toBe(0)

  const playAt = await viewer.evaluate(() => {
    window.Keyswarm!.players[0]!.play()
    return performance.now()
  })
  await expect.poll(() => seen(viewer, 'play'), { timeout: 60_000 }).not.toHaveLength(0)
  // timeupdate events keep coming, with time moving forward, about 4 a second at most.
  await expect
    .poll(async () => (await seen(viewer, 'timeupdate')).at(-1)?.currentTime ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(2)
  const times = (await seen(viewer, 'timeupdate')).map((event) => event.currentTime as number)
  expect(times.length).toBeGreaterThan(2)
  expect(times.every((time, i) => i === 0 || time >= times[i - 1]!)).toBe(true)
  expect(times.at(-1)).toBeGreaterThan(times[0]!)
  const readyAt = (await seen(viewer, 'ready'))[0]!.at as number
  const firstPlaying = (await seen(viewer, 'timeupdate')).find((event) => (event.currentTime as number) > 0)!
  console.log(
    `embed.host_load_to_ready_ms=${Math.round(readyAt)} embed.play_to_first_timeupdate_ms=${Math.round((firstPlaying.at as number) - playAt)}`,
  )

  // The frame streamed through its own service worker.
  const video = frame.getByTestId('player-video')
  expect(await video.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true)
  expect(await video.evaluate((v: HTMLVideoElement) => v.src)).toContain(`${stack.webUrl}/stream/${infoHash}/`)
  expect(await video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames)).toBeGreaterThan(0)

  const state = await viewer.evaluate(() => window.Keyswarm!.players[0]!.getState())
  expect(state).toMatchObject({ phase: 'playable', paused: false, muted: true, duration: 20 })
  const [progress] = (await seen(viewer, 'progress')).slice(-1)
  expect(progress).toMatchObject({ total: expect.any(Number), peers: expect.any(Number) })
  expect(progress!.total).toBeGreaterThan(1_000_000)
  expect((await seen(viewer, 'progress')).some((event) => (event.peers as number) >= 1)).toBe(true)

  await viewer.evaluate(() => window.Keyswarm!.players[0]!.seek(15))
  await expect
    .poll(async () => (await viewer.evaluate(() => window.Keyswarm!.players[0]!.getState())).currentTime)
    .toBeGreaterThanOrEqual(15)

  await viewer.evaluate(() => window.Keyswarm!.players[0]!.pause())
  await expect.poll(() => seen(viewer, 'pause')).not.toHaveLength(0)
  const paused = await viewer.evaluate(() => window.Keyswarm!.players[0]!.getState())
  expect(paused.paused).toBe(true)
  // The frame's media element itself is paused (a paused element's clock does not advance), and the
  // host's state reports that element's position.
  const media = await video.evaluate((v: HTMLVideoElement) => ({ paused: v.paused, currentTime: v.currentTime }))
  expect(media.paused).toBe(true)
  expect(media.currentTime).toBeCloseTo(paused.currentTime, 1)

  expect(await seen(viewer, 'error')).toEqual([])
  expect(errors).toEqual([])
})

test('a paid listing in an iframe on another origin: the buyer unlocks in the frame and the host hears it', async ({
  openContext,
  stack,
}) => {
  test.setTimeout(180_000)
  // The creator publishes; their open tab is the agent that delivers keys, and the seeder.
  const creator = await (await openContext({ account: 14 })).newPage()
  const title = `Embedded ${Date.now()}`
  const { contentId } = await publishPaid(creator, {
    title,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  })
  await expect(creator.getByTestId('agent-status')).toContainText('Delivery agent on')

  const buyerContext = await openContext({ account: 15 })
  const buyer = await buyerContext.newPage()
  await buyer.emulateMedia({ colorScheme: 'light' })
  const embedUrl = `${stack.webUrl}/embed?listing=${contentId}&theme=dark&autoplay=1&muted=1&origin=${encodeURIComponent(host.origin)}`
  await buyer.goto(
    host.page(
      '/paid',
      hostPage(`<iframe id="player" src="${embedUrl}" allow="autoplay; fullscreen" style="width:320px;height:180px;border:0"></iframe>
<script>
  window.seen = []
  const frame = document.getElementById('player')
  addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== ${JSON.stringify(stack.webUrl)}) return
    if (event.data && event.data.source === 'keyswarm') window.seen.push(event.data)
  })
</script>`),
    ),
  )
  const frame = buyer.frameLocator('#player')
  await expect(frame.getByTestId('listing-title')).toHaveText(title)
  await expect(frame.getByTestId('listing-price')).toHaveText('0.01 ETH')
  // theme=dark wins over the viewer's light system scheme.
  await expect(frame.locator('html')).toHaveClass(/dark/)

  // At 320×180 the title, Unlock and the wallet button all fit inside the frame.
  const frameBox = (await buyer.locator('#player').boundingBox())!
  for (const control of [
    frame.getByRole('button', { name: 'Unlock for 0.01 ETH' }),
    frame.getByRole('button', { name: 'Connect wallet' }),
    frame.getByTestId('listing-title'),
  ]) {
    const box = (await control.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(frameBox.x)
    expect(box.y).toBeGreaterThanOrEqual(frameBox.y)
    expect(box.x + box.width).toBeLessThanOrEqual(frameBox.x + frameBox.width + 0.5)
    expect(box.y + box.height).toBeLessThanOrEqual(frameBox.y + frameBox.height + 0.5)
  }
  expect(await seen(buyer, 'ready')).toHaveLength(1)
  // The host asks for the state with a plain postMessage, as a page without embed.js would.
  const askState = (requestId: string) =>
    buyer.evaluate(
      ({ origin, requestId }) => {
        const frameWindow = (document.getElementById('player') as HTMLIFrameElement).contentWindow!
        frameWindow.postMessage({ source: 'keyswarm', type: 'getState', requestId }, origin)
      },
      { origin: stack.webUrl, requestId },
    )
  const answer = async (requestId: string) =>
    (await seen(buyer, 'state')).find((event) => event.requestId === requestId)
  await askState('before')
  await expect.poll(() => answer('before')).toMatchObject({ state: { phase: 'locked', contentId: String(contentId) } })

  // Room for the wallet's dialog, then buy inside the frame as a viewer would.
  await buyer.locator('#player').evaluate((element: HTMLIFrameElement) => {
    element.style.width = '640px'
    element.style.height = '360px'
  })
  await frame.getByRole('button', { name: 'Connect wallet' }).click()
  await frame.getByRole('button', { name: /Test Wallet/ }).click()
  await expect(frame.getByTestId('wallet-address')).toBeVisible()
  await frame.getByRole('button', { name: 'Unlock for 0.01 ETH' }).click()

  await expect
    .poll(() => seen(buyer, 'unlocked'), { timeout: 60_000 })
    .toEqual([{ source: 'keyswarm', type: 'unlocked', contentId: String(contentId) }])
  // autoplay=1&muted=1: it starts by itself once unlocked.
  await expect.poll(() => seen(buyer, 'play'), { timeout: 60_000 }).not.toHaveLength(0)
  await expect
    .poll(async () => (await seen(buyer, 'timeupdate')).at(-1)?.currentTime ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(1)
  const video = frame.getByTestId('player-video')
  expect(await video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true)
  expect(await video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames)).toBeGreaterThan(0)
  await expect(creator.getByTestId('agent-status')).toHaveAttribute('data-delivered', '1')

  await askState('after')
  await expect
    .poll(() => answer('after'))
    .toMatchObject({ state: { phase: 'playable', contentId: String(contentId), paused: false, muted: true } })
  expect(await seen(buyer, 'error')).toEqual([])
})

test('a bad source says what is wrong, in the frame and to the host', async ({ openContext, stack }) => {
  const context = await openContext()
  const page = await context.newPage()
  await page.goto(
    host.page(
      '/bad',
      hostPage(`<script src="${stack.webUrl}/embed.js" data-magnet="magnet:?xt=urn:btih:not-a-hash"></script>
<div id="second"></div>
<script>
  window.seen = []
  Keyswarm.players[0].on('error', (event) => window.seen.push({ ...event, player: 0 }))
  Keyswarm.embed(document.getElementById('second'), { listing: '999999999' })
    .on('error', (event) => window.seen.push({ ...event, player: 1 }))
</script>`),
    ),
  )
  await expect.poll(() => seen(page, 'error')).toHaveLength(2)
  const errors = await seen(page, 'error')
  const badMagnet = errors.find((event) => event.player === 0)!
  const noListing = errors.find((event) => event.player === 1)!
  expect(badMagnet.message).toBe('"magnet:?xt=urn:btih:not-a-hash" is not a magnet link, an infohash or a share link.')
  expect(noListing.message).toBe('There is no listing #999999999 on this chain.')
  await expect(page.frameLocator('iframe').nth(0).getByTestId('embed-error')).toHaveText(badMagnet.message as string)
  await expect(page.frameLocator('iframe').nth(1).getByTestId('embed-error')).toHaveText(noListing.message as string)
})

test('in a cross-site frame (partitioned storage, no first-party cookies) the service worker still streams', async ({
  openContext,
  stack,
}) => {
  const thirdParty = await startHostSite({ hostname: 'localhost' })
  try {
    const page = await (await openContext()).newPage()
    await page.goto(stack.webUrl)
    await page.evaluate(() => localStorage.setItem('first-party', 'yes'))
    // The app's home page as a third party: seed a file there, then read it back through the stream path.
    await page.goto(
      thirdParty.page('/', hostPage(`<iframe src="${stack.webUrl}/" style="width:1000px;height:700px"></iframe>`)),
    )
    const frame = page.frameLocator('iframe')
    await frame
      .getByTestId('file-input')
      .setInputFiles({ name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) })
    await expect(frame.getByTestId('torrent-status')).toHaveAttribute('data-done', 'true', { timeout: 60_000 })
    const infoHash = new URL(await frame.getByTestId('share-link').inputValue()).searchParams.get('id')!
    const inFrame = page.frames().find((f) => f.url().startsWith(stack.webUrl))!
    const read = await inFrame.evaluate(async (id) => {
      const response = await fetch(`/stream/${id}/0`, { headers: { Range: 'bytes=1000-1099' } })
      return {
        status: response.status,
        bytes: [...new Uint8Array(await response.arrayBuffer())],
        controlled: !!navigator.serviceWorker.controller,
        partitioned: localStorage.getItem('first-party') === null,
      }
    }, infoHash)
    expect(read).toEqual({
      status: 206,
      bytes: [...(await readFile(clip)).subarray(1000, 1100)],
      controlled: true,
      partitioned: true,
    })
  } finally {
    await thirdParty.close()
  }
})
