import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect } from './fixtures'
import { networkTest as test } from './support/networkTest'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'
import { linkOn } from './torrent-helpers/linkOn'
import { type FloodMessage, type FloodState, openPexFlooder } from './torrent-helpers/openPexFlooder'
import { seedFromHome } from './torrent-helpers/seedFromHome'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')

/**
 * The bounds as docs/discovery.md promises them. Written out, not imported from
 * lib/discovery/limits.ts: a loosened limit must fail this test, not move its goalposts.
 */
const documented = { halfOpen: 8, rate: 12, flood: 24 }

const peers = (page: Page) => page.getByTestId('torrent-status')
const count = async (page: Page, testId: string) => Number(await page.getByTestId(testId).textContent())
const selfId = async (page: Page) => (await page.getByTestId('peer-exchange').getAttribute('data-self-id')) ?? ''

/** 50 made-up peer ids above any WebTorrent id (`-WW…` is 0x2d…): a victim is the one to offer to each. */
const madeUpIds = (prefix: string) => Array.from({ length: 50 }, (_, i) => prefix.repeat(19) + i.toString(16).padStart(2, '0'))

test('a peer that floods the peer exchange is cut off; it made the victim open no more than the bound, and honest peers get one offer and are still served', async ({
  network,
  openContext,
}) => {
  test.setTimeout(180_000)
  // S seeds and H watches on T1; the victim V watches on T1 and T2; the flooder F knows only T2, so V is all it meets.
  const t1 = await network.tracker()
  const t2 = await network.tracker()
  const [s, h, v, n] = await Promise.all([[t1.url], [t1.url], [t1.url, t2.url], [t2.url]].map((trackers) => network.person({ trackers })))

  const { page: seeder, shareLink, magnet } = await seedFromHome(s!.context, [
    { name: `flood-${Date.now()}.mp4`, mimeType: 'video/mp4', buffer: await readFile(clip) },
  ])
  const honest = await h!.context.newPage()
  await honest.goto(linkOn(h!.origin, shareLink))
  await expect(peers(honest)).toHaveAttribute('data-peers', '1', { timeout: 60_000 })
  const victim = await v!.context.newPage()
  await victim.goto(linkOn(v!.origin, shareLink))
  await expect(peers(victim)).toHaveAttribute('data-peers', '2', { timeout: 60_000 })
  await expectVideoPlays(victim)
  const [honestId, seederId, victimId] = [await selfId(honest), await selfId(seeder), await selfId(victim)]
  const before = {
    relayed: await count(victim, 'pex-relayed'),
    started: await count(victim, 'pex-started'),
    offersIn: await count(honest, 'pex-offers-in'),
  }

  // The magnet without its trackers: F must announce to T2 alone.
  const infoHashOnly = `magnet:?xt=${new URLSearchParams(magnet.slice('magnet:?'.length)).get('xt')}`
  const flooder = await openPexFlooder(await openContext(), { magnet: infoHashOnly, tracker: t2.url })
  const state = () => flooder.evaluate(() => (window as unknown as { floodState: FloodState }).floodState)
  const flood = (messages: FloodMessage[]) =>
    flooder.evaluate((batch) => (window as unknown as { flood(m: FloodMessage[]): void }).flood(batch), messages)
  // V introduces its members to F, as it would any newcomer: F learns the honest ids from the protocol itself.
  await flooder.waitForFunction(
    (ids) => ids.every((id) => (window as unknown as { floodState: FloodState }).floodState.listed.includes(id)),
    [honestId, seederId],
    { timeout: 60_000 },
  )
  expect((await state()).victimId).toBe(victimId)

  // One burst, within the flood limit: lists of strangers (each asks V to start connections), offers
  // "passed on" from strangers (each asks V to answer), offers for H again and again, for a peer
  // that does not exist, an answer nobody asked for; then, past the rate, offers for S.
  const underRate: FloodMessage[] = [
    { t: 'peers', ids: madeUpIds('ff') },
    { t: 'peers', ids: madeUpIds('fe') },
    { t: 'peers', ids: madeUpIds('fd') },
    ...['00', '01', '02', '03'].map((i): FloodMessage => ({ t: 'offer', from: 'ee'.repeat(19) + i, sdp: 'real' })),
    ...[1, 2, 3].map((): FloodMessage => ({ t: 'offer', to: honestId, sdp: 'junk' })),
    { t: 'offer', to: 'cc'.repeat(20), sdp: 'real' },
    { t: 'answer', to: 'cc'.repeat(20), sdp: 'real' },
  ]
  expect(underRate).toHaveLength(documented.rate)
  const overRate = Array.from({ length: documented.flood - documented.rate - 1 }, (): FloodMessage => ({ t: 'offer', to: seederId, sdp: 'junk' }))
  await flood([...underRate, ...overRate])
  // V starts connections for F until the half-open bound; each shows up at F as an offer or an answer.
  await flooder.waitForFunction(
    (bound) => {
      const { offers, answers } = (window as unknown as { floodState: FloodState }).floodState
      return offers + answers >= bound
    },
    documented.halfOpen,
    { timeout: 30_000 },
  )

  // Past the flood limit: the rest is harmless whether read or not (F must be cut off before the end of it).
  await flood(
    Array.from({ length: 30 }, (_, i): FloodMessage =>
      [
        { t: 'offer', to: honestId, sdp: 'oversized' },
        { t: 'offer', to: victimId, sdp: 'real' },
        { t: 'peers', ids: madeUpIds('fc') },
        { t: 'garbage' },
      ][i % 4] as FloodMessage,
    ),
  )
  await flooder.waitForFunction(() => (window as unknown as { floodState: FloodState }).floodState.closed, undefined, {
    timeout: 15_000,
  })
  await expect(victim.getByTestId('peers-cut-off')).toHaveText('1')
  // F is gone from V; V's honest peers (S and H) are still connected to it.
  await expect(peers(victim)).toHaveAttribute('data-peers', '2')
  await expect(peers(honest)).toHaveAttribute('data-peers', '2')
  // Final now that F is cut off: one offer passed on to H (once per pair and 30 s), none to S (over the rate).
  await expect(victim.getByTestId('pex-relayed')).toHaveText(String(before.relayed + 1))
  await expect(honest.getByTestId('pex-offers-in')).toHaveText(String(before.offersIn + 1))
  // V started exactly as many connections as the bound allows, whatever F asked for, and let go of them.
  await expect(victim.getByTestId('pex-started')).toHaveText(String(before.started + documented.halfOpen))
  const seen = await state()
  expect(seen.offers + seen.answers).toBe(documented.halfOpen)
  await expect(victim.getByTestId('links-half-open')).toHaveText('0')
  await flooder.evaluate(() => (window as unknown as { leave(): void }).leave())

  // V still serves and still introduces: a newcomer who knows only T2, where V alone announces, gets the
  // whole file from the swarm. (Whether its player then plays is the stream's business, proven elsewhere.)
  const newcomer = await n!.context.newPage()
  await newcomer.goto(linkOn(n!.origin, shareLink))
  await expect(peers(newcomer)).toHaveAttribute('data-done', 'true', { timeout: 60_000 })
  await expect(peers(victim)).toHaveAttribute('data-peers', '3', { timeout: 30_000 })
})
