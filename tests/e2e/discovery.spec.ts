import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { startHangingServer } from '../../scripts/lib/startHangingServer'
import { freePort } from '../../scripts/lib/startStack'
import { expect } from './fixtures'
import { networkTest as test } from './support/networkTest'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'
import { linkOn } from './torrent-helpers/linkOn'
import { seedFromHome } from './torrent-helpers/seedFromHome'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')

/** Servers a test started besides its network (stopped at its end whatever happened). */
const stops: (() => Promise<unknown>)[] = []
test.afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop().catch(() => {})
})

const peers = (page: Page) => page.getByTestId('torrent-status')

/**
 * Waits until the page has a peer (on this loaded two-core machine a first WebRTC connection can
 * take longer than the player's own wait), then until its video plays.
 */
async function expectPlaysFromPeers(page: Page) {
  await expect(peers(page)).not.toHaveAttribute('data-peers', '0', { timeout: 60_000 })
  await expectVideoPlays(page)
}

test('a viewer reaches a peer it could only learn of through another peer (WebRTC peer exchange)', async ({ network }) => {
  test.setTimeout(150_000)
  const t1 = await network.tracker()
  const t2 = await network.tracker()
  const a = await network.person({ trackers: [t1.url] })
  const b = await network.person({ trackers: [t1.url, t2.url] })
  const c = await network.person({ trackers: [t2.url] })

  const notes = `Peer exchange ${Date.now()} ${Math.random()}\n${'swarm '.repeat(2000)}`
  const { shareLink } = await seedFromHome(a.context, [{ name: 'pex.txt', mimeType: 'text/plain', buffer: Buffer.from(notes) }])
  const viewerB = await b.context.newPage()
  await viewerB.goto(linkOn(b.origin, shareLink))
  await expect(viewerB.getByTestId('text-preview')).toContainText('Peer exchange')

  // C knows only T2, where only B announces: A can reach C only through B's introduction.
  const viewerC = await c.context.newPage()
  await viewerC.goto(linkOn(c.origin, shareLink))
  await expect(viewerC.getByTestId('text-preview')).toContainText('Peer exchange')
  await expect(peers(viewerC)).toHaveAttribute('data-peers', '2', { timeout: 30_000 })
  await expect(viewerC.getByTestId('peers-via-pex')).not.toHaveText('0')
  await expect(peers(a.context.pages()[0]!)).toHaveAttribute('data-peers', '2')
})

test('with every tracker down a newcomer plays through a Nostr relay, and with the relay down too, through the swarm', async ({ network }) => {
  test.setTimeout(240_000)
  const t1 = await network.tracker()
  const t2 = await network.tracker()
  const relay = await network.relay()
  const t3 = await network.tracker() // known only to C and D (through their link's tr=), never to A or B
  const known = { trackers: [t1.url, t2.url], relays: [relay.url] }
  const a = await network.person(known)
  const b = await network.person(known)
  const c = await network.person(known)
  const d = await network.person({ ...known, relays: [] })

  const { page: seeder, shareLink } = await seedFromHome(a.context, [
    { name: `relay-${Date.now()}.mp4`, mimeType: 'video/mp4', buffer: await readFile(clip) },
  ])
  const viewerB = await b.context.newPage()
  await viewerB.goto(linkOn(b.origin, shareLink))
  await expectPlaysFromPeers(viewerB)

  await t1.stop()
  await t2.stop()
  const viewerC = await c.context.newPage()
  await viewerC.goto(linkOn(c.origin, shareLink, `&tr=${encodeURIComponent(t3.url)}`))
  await expectPlaysFromPeers(viewerC)
  await expect(viewerC.getByTestId('peers-via-nostr')).not.toHaveText('0')

  await relay.stop()
  const viewerD = await d.context.newPage()
  await viewerD.goto(linkOn(d.origin, shareLink, `&tr=${encodeURIComponent(t3.url)}`))
  await expectPlaysFromPeers(viewerD)
  // D met only C (on T3); A hears of D through C and the swarm connects them.
  await expect(viewerD.getByTestId('peers-via-pex')).not.toHaveText('0', { timeout: 30_000 })
  await expect(peers(seeder)).toHaveAttribute('data-peers', '3', { timeout: 30_000 })
})

test('a dead and a hanging tracker in the list cost nothing: the video plays and the panel says which trackers answer', async ({ network }) => {
  test.setTimeout(150_000)
  const dead = `ws://127.0.0.1:${await freePort()}`
  // Accepts the connection and never answers the WebSocket upgrade.
  const hangingServer = await startHangingServer()
  stops.push(hangingServer.stop)
  const hanging = hangingServer.url
  const live = await network.tracker()
  const known = { trackers: [dead, hanging, live.url] }
  const a = await network.person(known)
  const b = await network.person(known)

  const { shareLink } = await seedFromHome(a.context, [
    { name: `dead-tracker-${Date.now()}.mp4`, mimeType: 'video/mp4', buffer: await readFile(clip) },
  ])
  const viewer = await b.context.newPage()
  await viewer.goto(linkOn(b.origin, shareLink))
  await expectPlaysFromPeers(viewer)
  const state = (url: string) => viewer.locator(`[data-testid="tracker-state"][data-url="${url}"]`)
  await expect(state(live.url)).toHaveAttribute('data-state', 'answers')
  await expect(state(dead)).toHaveAttribute('data-state', 'unreachable')
  await expect(state(hanging)).toHaveAttribute('data-state', 'connecting')
})

test('viewers who arrive together, through the tracker and the relay at once, all end up connected to each other', async ({
  openContext,
}) => {
  test.setTimeout(120_000)
  // Each pair may be met twice at about the same moment (tracker offer and Nostr hello). The race
  // itself is proven in lib/discovery/keepOneConnection.test.ts; this is the crowd it must not break.
  const notes = `Arriving together ${Date.now()} ${Math.random()}`
  const { shareLink } = await seedFromHome(await openContext(), [{ name: 'crowd.txt', mimeType: 'text/plain', buffer: Buffer.from(notes) }])
  const viewers = await Promise.all([1, 2, 3].map(async () => (await openContext()).newPage()))
  await Promise.all(viewers.map((viewer) => viewer.goto(shareLink)))
  for (const viewer of viewers) await expect(viewer.getByTestId('text-preview')).toHaveText(notes)
  // Seeder plus the two other viewers: a full mesh.
  for (const viewer of viewers) await expect(peers(viewer)).toHaveAttribute('data-peers', '3', { timeout: 30_000 })
})
