/**
 * Peer discovery benchmarks (issue 13), each a median of runs between fresh browser contexts:
 * - time to first frame of a small H.264 clip when the viewer finds the seeder through a tracker
 *   only, through a Nostr relay only, and through a tracker listed beside a dead and a hanging one;
 * - how long after its first connection a viewer that knows only B's second tracker connects to
 *   the seeder A, which it can only learn of through B (WebRTC peer exchange).
 * BENCH_DISCOVERY_RUNS sets the runs of each (default 5).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, BrowserContext } from '@playwright/test'
import { startHangingServer } from '../lib/startHangingServer'
import { startRelay } from '../lib/startRelay'
import { freePort, startTracker } from '../lib/startStack'
import { firstFrameScript } from './firstFrameScript'
import { figure } from './goal'
import { median } from './median'
import type { BenchContext, BenchResult } from './types'

const RUNS = Number(process.env.BENCH_DISCOVERY_RUNS ?? 5)
const root = join(import.meta.dirname, '..', '..')
const clip = join(root, 'tests', 'fixtures', 'clip.mp4')

type Network = { trackers: string[]; relays: string[] }
type Setup = { browser: Browser; origin: string; log: (message: string) => void }

export default async function discoveryBench(ctx: BenchContext): Promise<BenchResult[]> {
  const s: Setup = { browser: ctx.browser, origin: (await ctx.serve(join(root, 'out'))).origin, log: ctx.log }
  const tracker = await startTracker(0)
  const relay = await startRelay(0)
  const hanging = await startHangingServer()
  const dead = `ws://127.0.0.1:${await freePort()}`
  const hangingUrl = hanging.url
  try {
    const viaTracker: number[] = []
    const viaRelay: number[] = []
    const withDead: number[] = []
    const networks = {
      tracker: { trackers: [tracker.url], relays: [] },
      relay: { trackers: [], relays: [relay.url] },
      dead: { trackers: [dead, hangingUrl, tracker.url], relays: [] },
    }
    // Runs interleave the three ways, so that the machine's load drifts over all of them alike.
    for (let run = 0; run < RUNS; run++) {
      viaTracker.push(await timeFirstFrame(s, networks.tracker, `tracker-${run}`))
      viaRelay.push(await timeFirstFrame(s, networks.relay, `relay-${run}`))
      withDead.push(await timeFirstFrame(s, networks.dead, `dead-${run}`))
    }
    s.log(`ttff tracker ${viaTracker.map(Math.round)} relay ${viaRelay.map(Math.round)} dead+tracker ${withDead.map(Math.round)}`)
    const pex = await timePexConnect(s)
    s.log(`peer exchange connect ${pex.map(Math.round)}`)
    const [t, r, d] = [median(viaTracker), median(viaRelay), median(withDead)]
    return [
      figure('discovery.ttff_ms.tracker', t, 'ms'),
      figure('discovery.ttff_ms.relay_only', r, 'ms'),
      figure('discovery.ttff_ratio.relay_only', r / t, 'x', '<= 1.5'),
      figure('discovery.ttff_ratio.dead_tracker', d / t, 'x', '<= 1.1'),
      figure('discovery.pex_connect_ms', median(pex), 'ms', '<= 2000'),
    ]
  } finally {
    await tracker.stop()
    await relay.stop()
    await hanging.stop()
  }
}

/** A context whose app sees exactly these trackers and relays (what the local stack's cookie tells a page). */
async function personContext(s: Setup, network: Network): Promise<BrowserContext> {
  const context = await s.browser.newContext({ baseURL: s.origin })
  const value = encodeURIComponent(JSON.stringify(network))
  await context.addCookies([{ name: 'keyswarm-stack', value, url: s.origin, sameSite: 'Strict' }])
  return context
}

async function seed(s: Setup, network: Network, name: string, bytes: Buffer) {
  const context = await personContext(s, network)
  const page = await context.newPage()
  await page.goto('/')
  await page.getByTestId('file-input').setInputFiles([{ name, mimeType: name.endsWith('.mp4') ? 'video/mp4' : 'text/plain', buffer: bytes }])
  await page.getByTestId('torrent-status').and(page.locator('[data-done=true]')).waitFor({ timeout: 120_000 })
  return { context, page, shareLink: await page.getByTestId('share-link').inputValue() }
}

/** Milliseconds from the viewer's navigation to its first decoded frame; seeder and viewer share `network`. */
async function timeFirstFrame(s: Setup, network: Network, label: string): Promise<number> {
  // A new name per run: a new infohash, so no run finds the seeder of another.
  const seeder = await seed(s, network, `discovery-${label}-${Date.now()}.mp4`, await readFile(clip))
  const viewer = await personContext(s, network)
  try {
    await viewer.addInitScript(firstFrameScript)
    const page = await viewer.newPage()
    await page.goto(seeder.shareLink)
    return Number(await page.waitForFunction('window.__firstFrame', null, { timeout: 120_000 }).then((h) => h.jsonValue()))
  } finally {
    await viewer.close()
    await seeder.context.close()
  }
}

/**
 * A seeds on T1, B watches on T1 and T2, then each run a new C that knows only T2: the time from
 * C's first connection (to B) to its second (to A, introduced by B), read from the status panel.
 */
async function timePexConnect(s: Setup): Promise<number[]> {
  const t1 = await startTracker(0)
  const t2 = await startTracker(0)
  const text = Buffer.from(`discovery bench ${Date.now()}\n${'swarm '.repeat(20_000)}`)
  const a = await seed(s, { trackers: [t1.url], relays: [] }, `pex-${Date.now()}.txt`, text)
  const b = await personContext(s, { trackers: [t1.url, t2.url], relays: [] })
  const times: number[] = []
  try {
    const viewerB = await b.newPage()
    await viewerB.goto(a.shareLink)
    await viewerB.getByTestId('torrent-status').and(viewerB.locator('[data-done=true]')).waitFor({ timeout: 120_000 })
    for (let run = 0; run < RUNS; run++) {
      const c = await personContext(s, { trackers: [t2.url], relays: [] })
      await c.addInitScript(`(() => {
        window.__peersAt = {}
        new MutationObserver(() => {
          const status = document.querySelector('[data-testid=torrent-status]')
          const peers = status && status.getAttribute('data-peers')
          if (peers && !(peers in window.__peersAt)) window.__peersAt[peers] = performance.now()
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-peers'] })
      })()`)
      const page = await c.newPage()
      await page.goto(a.shareLink)
      await page.waitForFunction('window.__peersAt && window.__peersAt["2"]', null, { timeout: 60_000 })
      const at = (await page.evaluate('window.__peersAt')) as Record<string, number>
      // Both connections inside one status refresh (250 ms) read as 0: the panel is the clock here.
      times.push(at['2']! - (at['1'] ?? at['2']!))
      await c.close()
    }
  } finally {
    await b.close()
    await a.context.close()
    await t1.stop()
    await t2.stop()
  }
  return times
}
