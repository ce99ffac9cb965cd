/**
 * Seeding receipts benchmark: a paid download with the receipts extension on against the same
 * download with it off, in one run on one local stack. A creator tab publishes a paid 32 MiB file
 * through /publish and seeds it (its wallet connected, so it announces a payout address and checks
 * every receipt on chain); fresh buyer contexts buy it one after the other, with receipts on or off
 * (`localStorage['keyswarm:receipts'] = 'off'`), and each is timed from the moment its player
 * opens the torrent with the key to the torrent being complete. With receipts on, the buyer counts
 * verified bytes per seeder and signs receipts every 4 MiB and at the end.
 *
 * Order matters on a shared machine: the first download of a run is slower (the creator's tab
 * reads its ciphertext cold, the browser and the stack warm up), and a steady drift in load favours
 * whichever side runs later. So one warm-up download of each kind is discarded, and the timed ones
 * go in ABBA order (on, off, off, on, on, off, …), which cancels a linear drift. The ratio is the
 * median over the adjacent pairs (the i-th on and off downloads, run one after the other) of
 * off ÷ on: load here swings by tens of percent within minutes, and neighbours share most of it.
 * BENCH_RECEIPTS_RUNS sets the timed runs of each (default 4), BENCH_RECEIPTS_MIB the size.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { BrowserContext, CDPSession, Page } from '@playwright/test'
import { freePort, startStack } from '../lib/startStack'
import { figure } from './goal'
import { connect, median, openWalletContext, publish } from './paid.bench'
import type { BenchContext, BenchResult } from './types'

const RUNS = Number(process.env.BENCH_RECEIPTS_RUNS ?? 4)
const SIZE_MIB = Number(process.env.BENCH_RECEIPTS_MIB ?? 32)
const root = join(import.meta.dirname, '..', '..')

export default async function receiptsBench(ctx: BenchContext): Promise<BenchResult[]> {
  const stack = await startStack({ ports: { chain: await freePort(), tracker: 0, web: 0 }, outDir: join(root, 'out') })
  const contexts: BrowserContext[] = []
  try {
    const creatorContext = await openWalletContext(ctx.browser, stack, 1)
    contexts.push(creatorContext)
    const creator = await creatorContext.newPage()
    const { contentId } = await publish(creator, {
      name: 'receipts.bin',
      mimeType: 'application/octet-stream',
      buffer: randomBytes(SIZE_MIB * 1024 * 1024),
    })
    ctx.log(`published listing #${contentId} (${SIZE_MIB} MiB), ${RUNS} runs each`)
    const seederSession = await creatorContext.newCDPSession(creator)
    await seederSession.send('Performance.enable')
    const on: number[] = []
    const off: number[] = []
    const script = { on: { buyer: [] as number[], seeder: [] as number[] }, off: { buyer: [] as number[], seeder: [] as number[] } }
    const plan = [...warmUp, ...abba(RUNS)]
    for (const [run, { receipts, timed }] of plan.entries()) {
      const context = await openWalletContext(ctx.browser, stack, 2 + run)
      contexts.push(context)
      if (!receipts) await context.addInitScript(() => localStorage.setItem('keyswarm:receipts', 'off'))
      const { ms, buyerScriptMs, seederScriptMs } = await timedDownload(await context.newPage(), { contentId, seederSession })
      if (timed) {
        ;(receipts ? on : off).push(ms)
        script[receipts ? 'on' : 'off'].buyer.push(buyerScriptMs)
        script[receipts ? 'on' : 'off'].seeder.push(seederScriptMs)
      }
      ctx.log(
        `run ${run + 1} receipts ${receipts ? 'on' : 'off'}${timed ? '' : ' (warm-up, not counted)'}: ${Math.round(ms)} ms; main-thread script ${Math.round(buyerScriptMs)} ms buyer, ${Math.round(seederScriptMs)} ms seeder`,
      )
      await context.close()
    }
    const [a, b] = [median(on), median(off)]
    const pairRatios = on.map((ms, i) => off[i]! / ms)
    ctx.log(`receipts on ${on.map(Math.round)} ms; off ${off.map(Math.round)} ms; off ÷ on by pair ${pairRatios.map((r) => r.toFixed(3))}`)
    return [
      figure('receipts.throughput_ratio', median(pairRatios), 'x', '>= 0.98'),
      figure('receipts.download_ms.on', a, 'ms'),
      figure('receipts.download_ms.off', b, 'ms'),
      // What receipts cost each side's main thread, apart from the noise in wall-clock time.
      figure('receipts.buyer_script_ms.on', median(script.on.buyer), 'ms'),
      figure('receipts.buyer_script_ms.off', median(script.off.buyer), 'ms'),
      figure('receipts.seeder_script_ms.on', median(script.on.seeder), 'ms'),
      figure('receipts.seeder_script_ms.off', median(script.off.seeder), 'ms'),
    ]
  } finally {
    for (const context of contexts) await context.close().catch(() => {})
    await stack.stop()
  }
}

/** One download of each kind first, discarded: the first download of a run is the slowest. */
const warmUp = [
  { receipts: false, timed: false },
  { receipts: true, timed: false },
]

/** `runs` timed downloads of each kind in ABBA order (on, off, off, on, …): a linear drift in load cancels. */
function abba(runs: number): { receipts: boolean; timed: boolean }[] {
  return Array.from({ length: runs * 2 }, (_, i) => ({ receipts: [true, false, false, true][i % 4]!, timed: true }))
}

/**
 * Buys the listing in `page` and times its torrent from the player opening it to complete. Also
 * reports the main-thread script time (Chromium's `ScriptDuration`) of the buyer's page and of the
 * seeder's, from the Unlock click to the download's end: receipts are signed and checked there.
 */
async function timedDownload(
  page: Page,
  { contentId, seederSession }: { contentId: bigint; seederSession: CDPSession },
): Promise<{ ms: number; buyerScriptMs: number; seederScriptMs: number }> {
  await page.goto(`/watch?listing=${contentId}`)
  await connect(page)
  await page.evaluate(() => {
    const w = window as { __opened?: number; __done?: number }
    new MutationObserver(() => {
      const status = document.querySelector('[data-testid=torrent-status]')
      if (!status) return
      w.__opened ??= performance.now()
      if (status.getAttribute('data-done') === 'true') w.__done ??= performance.now()
    }).observe(document.body, { subtree: true, childList: true, attributes: true })
  })
  const buyerSession = await page.context().newCDPSession(page)
  await buyerSession.send('Performance.enable')
  const before = await Promise.all([scriptMs(buyerSession), scriptMs(seederSession)])
  await page.getByRole('button', { name: /^Unlock for/ }).click()
  await page.waitForFunction(() => (window as { __done?: number }).__done, null, { timeout: 300_000 })
  const after = await Promise.all([scriptMs(buyerSession), scriptMs(seederSession)])
  const ms = await page.evaluate(() => {
    const w = window as { __opened?: number; __done?: number }
    return w.__done! - w.__opened!
  })
  return { ms, buyerScriptMs: after[0] - before[0], seederScriptMs: after[1] - before[1] }
}

/** The page's main-thread script time so far, in ms. */
async function scriptMs(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics')
  return (metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000
}
