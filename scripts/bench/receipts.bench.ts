/**
 * Seeding receipts benchmark: a paid download with the receipts extension on against the same
 * download with it off, in one run on one local stack. A creator tab publishes a paid 32 MiB file
 * through /publish and seeds it (its wallet connected, so it announces a payout address and checks
 * every receipt on chain); fresh buyer contexts buy it one after the other, alternating on and off
 * (`localStorage['keyswarm:receipts'] = 'off'`), and each is timed from the moment its player
 * opens the torrent with the key to the torrent being complete. With receipts on, the buyer counts
 * verified bytes per seeder and signs receipts every 4 MiB and at the end.
 * BENCH_RECEIPTS_RUNS sets the runs of each (default 3), BENCH_RECEIPTS_MIB the size.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { BrowserContext, Page } from '@playwright/test'
import { freePort, startStack } from '../lib/startStack'
import { figure } from './goal'
import { connect, median, openWalletContext, publish } from './paid.bench'
import type { BenchContext, BenchResult } from './types'

const RUNS = Number(process.env.BENCH_RECEIPTS_RUNS ?? 3)
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
    const on: number[] = []
    const off: number[] = []
    for (let run = 0; run < RUNS * 2; run++) {
      const receipts = run % 2 === 0
      const context = await openWalletContext(ctx.browser, stack, 2 + run)
      contexts.push(context)
      if (!receipts) await context.addInitScript(() => localStorage.setItem('keyswarm:receipts', 'off'))
      const ms = await timedDownload(await context.newPage(), contentId)
      ;(receipts ? on : off).push(ms)
      ctx.log(`run ${run + 1} receipts ${receipts ? 'on' : 'off'}: ${Math.round(ms)} ms`)
      await context.close()
    }
    const [a, b] = [median(on), median(off)]
    ctx.log(`receipts on ${on.map(Math.round)} ms; off ${off.map(Math.round)} ms`)
    return [
      figure('receipts.throughput_ratio', b / a, 'x', '>= 0.98'),
      figure('receipts.download_ms.on', a, 'ms'),
      figure('receipts.download_ms.off', b, 'ms'),
    ]
  } finally {
    for (const context of contexts) await context.close().catch(() => {})
    await stack.stop()
  }
}

/** Buys the listing in `page` and times its torrent from the player opening it to complete. */
async function timedDownload(page: Page, contentId: bigint): Promise<number> {
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
  await page.getByRole('button', { name: /^Unlock for/ }).click()
  await page.waitForFunction(() => (window as { __done?: number }).__done, null, { timeout: 300_000 })
  return page.evaluate(() => {
    const w = window as { __opened?: number; __done?: number }
    return w.__done! - w.__opened!
  })
}
