/**
 * Streaming benchmarks, side by side in one run on the same machine:
 * - throughput of a 64 MiB transfer between two browser contexts over WebRTC (local tracker):
 *   Keyswarm plain and encrypted (the whole file read by the page through /stream, decrypted for
 *   the encrypted one) against the unmodified WebTorrent bundle on a bare page (the file read by
 *   the page through the engine's own iterator); each timed from navigation start, median of runs;
 * - time to first frame and seek latency (to 75%) of a 20 MiB H.264 video, plain and encrypted,
 *   and the plain one again in a real Firefox (firefox-esr, a fresh profile per run, full speed) when there is one,
 *   against the anchor: plain WebTorrent's own service-worker streaming (`client.createServer()`
 *   and `<video src>` on a bare page) of the same torrent from the same seeder; all of it twice,
 *   at full speed and with the viewer's CPU throttled 4x (CDP `Emulation.setCPUThrottlingRate`);
 * - peak JS heap of the downloading tab for a 512 MiB file (pieces go to OPFS, not memory).
 * Sizes can be lowered for a quick look: BENCH_STREAM_MIB, BENCH_STREAM_BIG_MIB; BENCH_STREAM_PARTS
 * (e.g. `video`; `firefox` is the Firefox viewer of the video part alone) runs only some parts,
 * BENCH_STREAM_RUNS sets the runs of each, BENCH_STREAM_SITE serves another build than out/, and
 * BENCH_STREAM_AGAINST=<dir> times the video part of a second build too, interleaved with the first
 * in the same run (logged, not reported: to tell what a change bought on a loaded machine).
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import type { Hex } from 'viem'
import { ALIGNED_FORMAT_VERSION, MANIFEST_NAME, TAG_SIZE } from '../../lib/crypto/constants'
import { encryptBytes } from '../../lib/crypto/encryptBytes'
import { encryptManifest } from '../../lib/crypto/encryptManifest'
import { opaqueName } from '../../lib/crypto/opaqueName'
import { firefoxExecutable, launchFirefox } from '../lib/firefox'
import { pieceLengthFor } from '../../lib/torrent/pieceLengthFor'
import { startTracker } from '../lib/startStack'
import { firstFrameScript } from './firstFrameScript'
import { figure } from './goal'
import type { BenchContext, BenchResult } from './types'

const MiB = 1024 * 1024
const TRANSFER_MIB = Number(process.env.BENCH_STREAM_MIB ?? 64)
const BIG_MIB = Number(process.env.BENCH_STREAM_BIG_MIB ?? 512)
const TRANSFER_RUNS = Number(process.env.BENCH_STREAM_RUNS ?? 3)
const VIDEO_RUNS = Number(process.env.BENCH_STREAM_RUNS ?? 3)
const PARTS = (process.env.BENCH_STREAM_PARTS ?? 'throughput,video,memory').split(',')
const root = join(import.meta.dirname, '..', '..')
const key: Hex = `0x${'5a'.repeat(32)}`

type Setup = {
  browser: Browser
  origin: string
  plainOrigin: string
  /** BENCH_STREAM_AGAINST's build, served beside the one measured. */
  againstOrigin?: string
  tracker: string
  dir: string
  log: (m: string) => void
}

export default async function streamBench(ctx: BenchContext): Promise<BenchResult[]> {
  // Its own temporary directory: runs of other suites in this tree clear bench/tmp as they start.
  const dir = await mkdtemp(join(tmpdir(), 'keyswarm-stream-bench-'))
  await mkdir(join(dir, 'plain'), { recursive: true })
  for (const name of ['webtorrent.min.js', 'sw.min.js'])
    await copyFile(join(root, 'node_modules', 'webtorrent', 'dist', name), join(dir, 'plain', name))
  await writeFile(join(dir, 'plain', 'index.html'), plainPage)
  const tracker = await startTracker(0)
  try {
    const setup: Setup = {
      browser: ctx.browser,
      origin: (await ctx.serve(process.env.BENCH_STREAM_SITE ?? join(root, 'out'))).origin,
      // Its own server: a second origin on 127.0.0.1, so the plain client shares nothing with Keyswarm.
      plainOrigin: (await ctx.serve(join(dir, 'plain'))).origin,
      againstOrigin: process.env.BENCH_STREAM_AGAINST ? (await ctx.serve(process.env.BENCH_STREAM_AGAINST)).origin : undefined,
      tracker: tracker.url,
      dir,
      log: ctx.log,
    }
    const results: BenchResult[] = []
    if (PARTS.includes('throughput')) results.push(...(await throughput(setup)))
    if (PARTS.includes('video') || PARTS.includes('firefox')) results.push(...(await video(setup)))
    if (PARTS.includes('memory')) results.push(...(await memory(setup)))
    return results
  } finally {
    await tracker.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

async function throughput(s: Setup): Promise<BenchResult[]> {
  const bytes = randomBytes(TRANSFER_MIB * MiB)
  const plainPath = join(s.dir, 'transfer.bin')
  await writeFile(plainPath, bytes)
  s.log(`throughput: ${TRANSFER_MIB} MiB, ${TRANSFER_RUNS} runs each`)

  // Baseline: the unmodified WebTorrent bundle seeds and downloads.
  const baseSeeder = await s.browser.newContext()
  const baseSeedPage = await baseSeeder.newPage()
  await baseSeedPage.goto(`${s.plainOrigin}/#seed=${encodeURIComponent(s.tracker)}`)
  await baseSeedPage.waitForFunction('window.ready')
  await baseSeedPage.setInputFiles('input[type=file]', plainPath)
  const baseMagnet = (await baseSeedPage.waitForFunction('window.magnet', null, { timeout: 300_000 }).then((h) => h.jsonValue())) as string
  s.log('baseline seeded')
  const baseline: number[] = []
  for (let run = 0; run < TRANSFER_RUNS; run++) {
    const context = await s.browser.newContext()
    const page = await context.newPage()
    await page.goto(`${s.plainOrigin}/#fetch=${encodeURIComponent(baseMagnet)}`)
    const ms = Number(await page.waitForFunction('window.readMs', null, { timeout: 300_000 }).then((h) => h.jsonValue()))
    baseline.push(ms)
    s.log(`baseline run ${run + 1}: ${Math.round(ms)} ms; ${await phases(page)}`)
    await context.close()
  }
  await baseSeeder.close()

  const plainSeed = await seedKeyswarm(s, [plainPath])
  const plain = await timeKeyswarmReads(s, plainSeed.shareLink)
  await plainSeed.context.close()

  const encrypted = await encryptToFiles(s.dir, 'transfer', bytes, 'transfer.bin', 'application/octet-stream')
  const encSeed = await seedKeyswarm(s, encrypted)
  const decrypting = await timeKeyswarmReads(s, `${encSeed.shareLink}#key=${key.slice(2)}`)
  await encSeed.context.close()

  const rate = (ms: number) => (TRANSFER_MIB * MiB) / 1e6 / (ms / 1000)
  const [b, p, e] = [median(baseline), median(plain), median(decrypting)]
  s.log(`baseline ${baseline.map(Math.round)} ms; plain ${plain.map(Math.round)} ms; encrypted ${decrypting.map(Math.round)} ms`)
  return [
    figure('stream.throughput.plain_vs_baseline', b / p, 'x', '>= 0.95'),
    figure('stream.throughput.encrypted_vs_baseline', b / e, 'x', '>= 0.9'),
    figure('stream.throughput.baseline_mbps', rate(b), 'MB/s'),
    figure('stream.throughput.plain_mbps', rate(p), 'MB/s'),
    figure('stream.throughput.encrypted_mbps', rate(e), 'MB/s'),
  ]
}

async function video(s: Setup): Promise<BenchResult[]> {
  const clipPath = join(s.dir, 'video.mp4')
  // About 20 MiB: 60 s of 640x360 at ~2.7 Mb/s, a keyframe a second, moov first (streamable).
  await promisify(execFile)('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30', '-t', '60',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', '30', '-b:v', '2700k', '-maxrate', '2700k',
    '-bufsize', '2700k', '-movflags', '+faststart', clipPath,
  ])
  const clip = await readFile(clipPath)
  s.log(`video: ${(clip.length / MiB).toFixed(1)} MiB, ${VIDEO_RUNS} runs each, at full speed and with the viewer's CPU throttled 4x`)
  const plainSeed = await seedKeyswarm(s, [clipPath])
  const encSeed = await seedKeyswarm(s, await encryptToFiles(s.dir, 'video', clip, 'video.mp4', 'video/mp4'))
  // The anchor: plain WebTorrent streams the very torrent Keyswarm's plain viewers get, from the same seeder.
  const infoHash = new URL(plainSeed.shareLink).searchParams.get('id')
  const magnet = `magnet:?xt=urn:btih:${infoHash}&tr=${encodeURIComponent(s.tracker)}`
  const results: BenchResult[] = []
  try {
    for (const rate of PARTS.includes('video') ? [1, 4] : []) {
      const suffix = rate === 1 ? '' : `.throttled${rate}x`
      const anchor: VideoTimes = { ttff: [], seek: [] }
      const plain: VideoTimes = { ttff: [], seek: [] }
      const encrypted: VideoTimes = { ttff: [], seek: [] }
      const against = { plain: { ttff: [], seek: [] } as VideoTimes, encrypted: { ttff: [], seek: [] } as VideoTimes }
      const encLink = `${encSeed.shareLink}#key=${key.slice(2)}`
      // Interleaved runs: load from elsewhere on the machine falls on all three alike.
      for (let run = 0; run < VIDEO_RUNS; run++) {
        await timeVideo(s, `${s.plainOrigin}/#video=${encodeURIComponent(magnet)}`, rate, anchor, { keyswarm: false })
        await timeVideo(s, plainSeed.shareLink, rate, plain)
        await timeVideo(s, encLink, rate, encrypted)
        if (!s.againstOrigin) continue
        const elsewhere = (link: string) => link.replace(s.origin, s.againstOrigin!)
        await timeVideo(s, elsewhere(plainSeed.shareLink), rate, against.plain, { origin: s.againstOrigin })
        await timeVideo(s, elsewhere(encLink), rate, against.encrypted, { origin: s.againstOrigin })
      }
      const show = (t: VideoTimes) => `ttff ${t.ttff.map(Math.round)} seek ${t.seek.map(Math.round)}`
      s.log(`cpu ${rate}x: webtorrent ${show(anchor)}; plain ${show(plain)}; encrypted ${show(encrypted)}`)
      if (s.againstOrigin) {
        const ratios = (t: VideoTimes, name: string) =>
          `${name} ttff ${(median(t.ttff) / median(anchor.ttff)).toFixed(2)}x seek ${(median(t.seek) / median(anchor.seek)).toFixed(2)}x of webtorrent`
        s.log(`cpu ${rate}x, this build: ${ratios(plain, 'plain')}, ${ratios(encrypted, 'encrypted')}`)
        s.log(`cpu ${rate}x, against: ${show(against.plain)} / ${show(against.encrypted)}; ${ratios(against.plain, 'plain')}, ${ratios(against.encrypted, 'encrypted')}`)
      }
      const [ta, tp, te] = [median(anchor.ttff), median(plain.ttff), median(encrypted.ttff)]
      const [sa, sp, se] = [median(anchor.seek), median(plain.seek), median(encrypted.seek)]
      if (rate === 1) {
        results.push(
          figure('stream.ttff_ms.plain', tp, 'ms', '< 1500'),
          figure('stream.ttff_ms.encrypted', te, 'ms', '< 1500'),
          figure('stream.ttff.encrypted_vs_plain', te / tp, 'x', '<= 1.1'),
          figure('stream.seek_ms.plain', sp, 'ms', '< 500'),
          figure('stream.seek_ms.encrypted', se, 'ms', '< 500'),
        )
      } else {
        results.push(
          figure(`stream.ttff_ms.plain${suffix}`, tp, 'ms'),
          figure(`stream.ttff_ms.encrypted${suffix}`, te, 'ms'),
          figure(`stream.seek_ms.plain${suffix}`, sp, 'ms'),
          figure(`stream.seek_ms.encrypted${suffix}`, se, 'ms'),
        )
      }
      results.push(
        figure(`stream.ttff_ms.webtorrent${suffix}`, ta, 'ms'),
        figure(`stream.seek_ms.webtorrent${suffix}`, sa, 'ms'),
        figure(`stream.ttff.plain_vs_webtorrent${suffix}`, tp / ta, 'x', '<= 0.8'),
        figure(`stream.ttff.encrypted_vs_webtorrent${suffix}`, te / ta, 'x', '<= 0.9'),
        figure(`stream.seek.plain_vs_webtorrent${suffix}`, sp / sa, 'x', '<= 0.8'),
        figure(`stream.seek.encrypted_vs_plain${suffix}`, se / sp, 'x', '<= 1.2'),
      )
    }
    // The plain video again in a real Firefox viewer (full speed), beside Chromium's figures.
    const firefox = await timeVideoInFirefox(s, plainSeed.shareLink)
    if (firefox)
      results.push(
        figure('stream.ttff_ms.firefox', median(firefox.ttff), 'ms', '< 1500'),
        figure('stream.seek_ms.firefox', median(firefox.seek), 'ms', '< 500'),
      )
  } finally {
    await plainSeed.context.close()
    await encSeed.context.close()
  }
  return results
}

async function memory(s: Setup): Promise<BenchResult[]> {
  const path = join(s.dir, 'big.bin')
  // Written in blocks: never the whole file in this process's memory either.
  const block = randomBytes(8 * MiB)
  await writeFile(path, '')
  for (let i = 0; i < BIG_MIB / 8; i++) await appendFile(path, block.map((b) => b ^ i))
  s.log(`memory: downloading ${BIG_MIB} MiB`)
  const seed = await seedKeyswarm(s, [path])
  const context = await newKeyswarmContext(s)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  let peak = 0
  const sample = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    const heap = metrics.find((m) => m.name === 'JSHeapTotalSize')?.value ?? 0
    peak = Math.max(peak, heap)
  }
  const started = performance.now()
  await page.goto(seed.shareLink)
  const status = page.getByTestId('torrent-status')
  for (;;) {
    await sample()
    if ((await status.getAttribute('data-done').catch(() => null)) === 'true') break
    if (performance.now() - started > 600_000) throw new Error('The big download did not finish within 10 minutes.')
    await page.waitForTimeout(500)
  }
  const seconds = (performance.now() - started) / 1000
  await context.close()
  await seed.context.close()
  s.log(`${BIG_MIB} MiB downloaded in ${seconds.toFixed(1)} s`)
  return [
    figure('stream.download_peak_mib', peak / MiB, 'MiB', '< 256'),
    figure('stream.download_big_mbps', (BIG_MIB * MiB) / 1e6 / seconds, 'MB/s'),
  ]
}

/** A context that sees the bench's tracker as the local stack's. */
async function newKeyswarmContext(s: Setup, origin = s.origin): Promise<BrowserContext> {
  const context = await s.browser.newContext({ baseURL: origin })
  // What the local stack's static server tells pages (lib/config.ts reads it): our tracker.
  const value = encodeURIComponent(JSON.stringify({ trackers: [s.tracker] }))
  await context.addCookies([{ name: 'keyswarm-stack', value, url: origin, sameSite: 'Strict' }])
  return context
}

async function seedKeyswarm(s: Setup, paths: string[]): Promise<{ context: BrowserContext; page: Page; shareLink: string }> {
  const context = await newKeyswarmContext(s)
  const page = await context.newPage()
  await page.goto('/')
  await page.getByTestId('file-input').setInputFiles(paths)
  await page.getByTestId('torrent-status').and(page.locator('[data-done=true]')).waitFor({ timeout: 600_000 })
  return { context, page, shareLink: await page.getByTestId('share-link').inputValue() }
}

/** Milliseconds from navigation start until the page has read the whole file through /stream. */
async function timeKeyswarmReads(s: Setup, shareLink: string): Promise<number[]> {
  const times: number[] = []
  for (let run = 0; run < TRANSFER_RUNS; run++) {
    const context = await newKeyswarmContext(s)
    // Instrumentation only: when the service worker took control of the page.
    await context.addInitScript(`navigator.serviceWorker?.addEventListener('controllerchange', () => performance.mark('bench:sw-controls'))`)
    const page = await context.newPage()
    await page.goto(shareLink)
    const href = await page.getByTestId('save-file').getAttribute('href', { timeout: 120_000 })
    const ms = await page.evaluate(`(async () => {
      performance.mark('bench:fetch')
      const response = await fetch(${JSON.stringify(href!.replace('?download=1', ''))})
      const reader = response.body.getReader()
      let total = 0
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        if (!total) performance.mark('bench:first-byte')
        total += value.length
      }
      if (total !== ${TRANSFER_MIB * MiB}) throw new Error('read ' + total + ' bytes')
      return performance.now()
    })()`)
    times.push(Number(ms))
    s.log(`keyswarm run ${run + 1}: ${Math.round(Number(ms))} ms; ${await phases(page)}`)
    await context.close()
  }
  return times
}

type VideoTimes = { ttff: number[]; seek: number[] }

/**
 * One fresh viewer: first frame from navigation start, then seek-to-first-frame at 75%, added to
 * `times`. `rate` throttles the viewer's CPU (CDP; the seeder runs at full speed). The anchor's
 * bare page is no Keyswarm page: it gets no tracker cookie.
 */
async function timeVideo(
  s: Setup,
  url: string,
  rate: number,
  times: VideoTimes,
  { keyswarm = true, origin = s.origin } = {},
): Promise<void> {
  const context = keyswarm ? await newKeyswarmContext(s, origin) : await s.browser.newContext()
  try {
    await context.addInitScript(firstFrameScript)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate })
    // Instrumentation only: how busy the viewer's main thread was (tasks and script), in seconds.
    await cdp.send('Performance.enable')
    await page.goto(url)
    times.ttff.push(Number(await page.waitForFunction('window.__firstFrame', null, { timeout: 120_000 }).then((h) => h.jsonValue())))
    const ms = await page.evaluate(timeSeekScript)
    times.seek.push(Number(ms))
    const { metrics } = await cdp.send('Performance.getMetrics')
    const busy = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0).toFixed(2)
    s.log(
      `  ${keyswarm ? (origin === s.origin ? 'keyswarm' : 'against') : 'webtorrent'} at ${rate}x: ${await phases(page)}, first frame ${Math.round(times.ttff.at(-1)!)}, ` +
        `seek ${Math.round(Number(ms))}; main thread busy ${busy('TaskDuration')} s (script ${busy('ScriptDuration')} s)`,
    )
  } finally {
    await context.close()
  }
}

/**
 * The same timings in a real Firefox viewer (puppeteer-core; its own profile per run, so each run
 * is as cold as Chromium's fresh context); `undefined` on a machine without Firefox.
 */
async function timeVideoInFirefox(s: Setup, shareLink: string): Promise<{ ttff: number[]; seek: number[] } | undefined> {
  const executablePath = firefoxExecutable()
  if (!executablePath) {
    s.log('video: no Firefox on this machine (firefox-esr), no Firefox figures')
    return undefined
  }
  const ttff: number[] = []
  const seek: number[] = []
  for (let run = 0; run < VIDEO_RUNS; run++) {
    const firefox = await launchFirefox({ executablePath })
    try {
      // The browser's first tab: a second one would open in the background.
      const [page = await firefox.browser.newPage()] = await firefox.browser.pages()
      const { hostname } = new URL(s.origin)
      // What the local stack's static server tells pages: our tracker (as newKeyswarmContext does).
      // (The browser's cookie store: a tab's setCookie on about:blank sets nothing in Firefox.)
      const value = encodeURIComponent(JSON.stringify({ trackers: [s.tracker] }))
      await firefox.browser.setCookie({ name: 'keyswarm-stack', value, domain: hostname, path: '/', sameSite: 'Strict' })
      await page.evaluateOnNewDocument(firstFrameScript)
      await page.goto(shareLink)
      ttff.push(Number(await page.waitForFunction('window.__firstFrame', { timeout: 120_000 }).then((h) => h.jsonValue())))
      seek.push(Number(await page.evaluate(timeSeekScript)))
      s.log(`firefox run ${run + 1}: first frame ${Math.round(ttff.at(-1)!)} ms, seek ${Math.round(seek.at(-1)!)} ms`)
    } finally {
      await firefox.close()
    }
  }
  return { ttff, seek }
}

/** Run in the page: ms from setting the player to 75% until its first frame there. */
const timeSeekScript = `(async () => {
  const video = document.querySelector('video[data-testid=player-video]')
  await new Promise((r) => setTimeout(r, 300))
  const started = performance.now()
  video.currentTime = video.duration * 0.75
  await new Promise((resolve) => video.requestVideoFrameCallback(resolve))
  return performance.now() - started
})()`

/**
 * Files of a paid torrent as a new listing has them (lib/publish): the ciphertext under its opaque
 * name first, in format version 2 aligned to the piece length the torrent will get, then the manifest.
 */
async function encryptToFiles(dir: string, label: string, bytes: Uint8Array, name: string, type: string): Promise<string[]> {
  const fileId: Hex = `0x${'0'.repeat(31)}1`
  const folder = join(dir, `${label}-encrypted`)
  await mkdir(folder, { recursive: true })
  const manifest = await encryptManifest({ key, files: [{ name, type, size: bytes.length, fileId }] })
  await writeFile(join(folder, MANIFEST_NAME), manifest)
  const pieceLength = pieceLengthFor(bytes.length)
  const aligned = pieceLength ? ({ chunkSize: pieceLength - TAG_SIZE, version: ALIGNED_FORMAT_VERSION } as const) : {}
  await writeFile(join(folder, opaqueName(fileId)), await encryptBytes(bytes, { key, fileId, ...aligned }))
  return [join(folder, opaqueName(fileId)), join(folder, MANIFEST_NAME)]
}

/** The page's milestones (User Timing marks and DOMContentLoaded), in ms from navigation start. */
async function phases(page: Page): Promise<string> {
  const marks = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0]
    const marks = performance.getEntriesByType('mark').map((m) => [m.name.replace(/^(keyswarm|bench):/, ''), m.startTime])
    return [['dcl', nav ? nav.domContentLoadedEventEnd : 0], ...marks]
  })()`)) as [string, number][]
  return marks.map(([name, at]) => `${name} ${Math.round(at)}`).join(', ')
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The bare page of the baseline: the unmodified WebTorrent bundle, nothing else. */
const plainPage = `<!doctype html><meta charset="utf-8"><title>Plain WebTorrent</title>
<input type="file">
<script type="module">
const params = new URLSearchParams(location.hash.slice(1))
const { default: WebTorrent } = await import('./webtorrent.min.js')
const client = new WebTorrent()
client.on('error', (e) => console.error(e))
// Instrumentation only (the bench logs them): the same milestones as Keyswarm's page marks.
performance.mark('keyswarm:client')
const timeline = (torrent) => {
  torrent.once('metadata', () => performance.mark('keyswarm:metadata'))
  torrent.once('verified', () => performance.mark('keyswarm:first-piece'))
  torrent.once('done', () => performance.mark('keyswarm:done'))
}
if (params.has('seed')) {
  document.querySelector('input').onchange = (event) => {
    client.seed(event.target.files[0], { announce: [params.get('seed')] }, (torrent) => { window.magnet = torrent.magnetURI })
  }
}
// The bench picks the file only once the handler above exists (the bundle loads first).
window.ready = true
if (params.has('fetch')) {
  timeline(client.add(params.get('fetch'), async (torrent) => {
    let total = 0
    performance.mark('bench:fetch')
    for await (const chunk of torrent.files[0]) {
      if (!total) performance.mark('bench:first-byte')
      total += chunk.length
    }
    if (total !== torrent.files[0].length) throw new Error('short read')
    window.readMs = performance.now()
  }))
}
// The streaming anchor: WebTorrent's own service worker server and a <video src>, as its README shows.
if (params.has('video')) {
  // The torrent starts at once; the video gets its src as soon as both it and the server are ready.
  const server = (async () => {
    const registration = await navigator.serviceWorker.register('./sw.min.js', { scope: './' })
    // Its worker claims the page on activation; the video's requests must go through it.
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
    client.createServer({ controller: registration })
  })()
  timeline(client.add(params.get('video'), async (torrent) => {
    const video = document.createElement('video')
    video.dataset.testid = 'player-video'
    video.autoplay = true
    video.controls = true
    document.body.append(video)
    await server
    torrent.files[0].streamTo(video)
  }))
}
</script>`
