/**
 * lib/crypto benchmarks: encrypt/decrypt throughput in Chromium against Node's native AES-256-GCM
 * (node:crypto) on the same machine in the same run, the latency of a 1 MiB range read from the
 * middle of a 1 GiB encrypted file in OPFS, encrypting into OPFS against writing the same bytes
 * there unencrypted, and the memory a 1 GiB encryption takes.
 */
import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto'
import { open, readFile } from 'node:fs/promises'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'esbuild'
import { chunkNonce } from '../../lib/crypto/chunkNonce'
import { DEFAULT_CHUNK_SIZE, HEADER_SIZE, TAG_SIZE } from '../../lib/crypto/constants'
import { bytesSource } from '../../lib/crypto/bytesSource'
import { decryptStream } from '../../lib/crypto/decryptStream'
import { encryptedLength } from '../../lib/crypto/encryptedLength'
import { encryptFile } from '../../lib/crypto/encryptFile'
import { openEncryptedFile } from '../../lib/crypto/openEncryptedFile'
import type { ByteSource } from '../../lib/crypto/types'
import { figure } from './goal'
import type { BenchContext, BenchResult } from './types'

const MiB = 1024 * 1024
const THROUGHPUT_MIB = 256
const LARGE_MIB = 1024
const RUNS = 5
const root = join(import.meta.dirname, '..', '..')

/**
 * Runs in the page (bundled with lib/crypto by esbuild). Plain JS in a string, because functions
 * handed to page.evaluate lose helpers that tsx injects when it compiles this file.
 */
const pageSource = /* js */ `
import * as lib from './lib/crypto/index.ts'
const MiB = ${MiB}
const key = '0x' + '42'.repeat(32)

// Input from a 1 MiB random block repeated: reads are 1 MiB-aligned batches, so views, no copies.
function syntheticSource(size) {
  const block = new Uint8Array(MiB)
  for (let i = 0; i < MiB; i += 65536) crypto.getRandomValues(block.subarray(i, i + 65536))
  return { size, read: async (offset, length) => block.subarray(offset % MiB, offset % MiB + length) }
}

async function drain(stream) {
  const reader = stream.getReader()
  let bytes = 0
  for (let step = await reader.read(); !step.done; step = await reader.read()) bytes += step.value.length
  return bytes
}

window.bench = {
  cores: navigator.hardwareConcurrency,

  // oneThread: as where dedicated workers do not exist (lib/crypto then encrypts on the calling thread).
  async throughput(mib, oneThread) {
    const Worker = window.Worker
    if (oneThread) window.Worker = undefined
    try {
      return await this.timeThroughput(mib)
    } finally {
      window.Worker = Worker
    }
  },

  async timeThroughput(mib) {
    const size = mib * MiB
    const source = syntheticSource(size)
    await lib.encryptFile(syntheticSource(16 * MiB), { key, sink: new WritableStream() }) // warm-up
    let started = performance.now()
    await lib.encryptFile(source, { key, sink: new WritableStream() })
    const encryptMs = performance.now() - started
    const ciphertext = new Uint8Array(lib.encryptedLength({ plaintextLength: size }))
    let offset = 0
    await lib.encryptFile(source, { key, sink: new WritableStream({ write(part) { ciphertext.set(part, offset); offset += part.length } }) })
    const file = await lib.openEncryptedFile(lib.bytesSource(ciphertext), { key })
    started = performance.now()
    const bytes = await drain(lib.decryptStream(file))
    const decryptMs = performance.now() - started
    if (bytes !== size) throw new Error('decrypted ' + bytes + ' bytes of ' + size)
    return { encryptMs, decryptMs }
  },

  async encryptToOpfs() {
    const input = document.querySelector('input').files[0]
    const dir = await navigator.storage.getDirectory()
    await dir.removeEntry('bench.ksw').catch(() => {})
    const handle = await dir.getFileHandle('bench.ksw', { create: true })
    const started = performance.now()
    await lib.encryptFile(input, { key, sink: await handle.createWritable() })
    return { ms: performance.now() - started, size: input.size }
  },

  // The yardstick of encryptToOpfs: the same bytes from the same File into OPFS, unencrypted.
  async rawToOpfs() {
    const input = document.querySelector('input').files[0]
    const dir = await navigator.storage.getDirectory()
    const handle = await dir.getFileHandle('bench.raw', { create: true })
    const started = performance.now()
    await input.stream().pipeTo(await handle.createWritable())
    const ms = performance.now() - started
    await dir.removeEntry('bench.raw')
    return { ms, size: input.size }
  },

  async rangeReads(count) {
    const dir = await navigator.storage.getDirectory()
    const handle = await dir.getFileHandle('bench.ksw')
    const file = await lib.openEncryptedFile(lib.blobSource(await handle.getFile()), { key })
    const times = []
    for (let i = 0; i < count; i++) {
      // 1 MiB ranges from the middle, not chunk-aligned, each somewhere new.
      const start = Math.floor(file.size / 2) + (i - count / 2) * 7 * MiB + 12345
      const started = performance.now()
      const bytes = await lib.readRange(file, { start, end: start + MiB })
      times.push(performance.now() - started)
      if (bytes.length !== MiB) throw new Error('short range')
    }
    await dir.removeEntry('bench.ksw')
    return times
  },
}
`

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000)

/**
 * Node's native AES-256-GCM over the same chunks, nonces and associated data as the format,
 * between buffers allocated and touched beforehand (so page faults do not slow the baseline).
 * The same work as lib/crypto per chunk, no more, no less: a fresh cipher per chunk (WebCrypto
 * sets up its AES-GCM context per call too), the output in a fresh buffer (WebCrypto returns a
 * fresh ArrayBuffer), and when encrypting, ciphertext and tag laid out as the format has them
 * (WebCrypto returns them joined). One thread: Node's single core is the yardstick; the browser
 * figure uses what lib/crypto uses in a tab (its workers), the one-thread figure shows it without.
 */
function nativeThroughput(plaintext: Buffer, ciphertext: Buffer): { encryptMs: number; decryptMs: number } {
  const size = plaintext.length
  const key = randomFillSync(Buffer.alloc(32))
  const header = randomFillSync(Buffer.alloc(HEADER_SIZE))
  const chunks = Math.ceil(size / DEFAULT_CHUNK_SIZE)
  let started = performance.now()
  for (let i = 0; i < chunks; i++) {
    const cipher = createCipheriv('aes-256-gcm', key, chunkNonce(i, i === chunks - 1)).setAAD(header)
    const out = HEADER_SIZE + i * (DEFAULT_CHUNK_SIZE + TAG_SIZE)
    const written = cipher.update(plaintext.subarray(i * DEFAULT_CHUNK_SIZE, (i + 1) * DEFAULT_CHUNK_SIZE))
    written.copy(ciphertext, out)
    cipher.final()
    cipher.getAuthTag().copy(ciphertext, out + written.length)
  }
  const encryptMs = performance.now() - started
  started = performance.now()
  for (let i = 0; i < chunks; i++) {
    const at = HEADER_SIZE + i * (DEFAULT_CHUNK_SIZE + TAG_SIZE)
    const decipher = createDecipheriv('aes-256-gcm', key, chunkNonce(i, i === chunks - 1)).setAAD(header)
    decipher.setAuthTag(ciphertext.subarray(at + DEFAULT_CHUNK_SIZE, at + DEFAULT_CHUNK_SIZE + TAG_SIZE))
    decipher.update(ciphertext.subarray(at, at + DEFAULT_CHUNK_SIZE))
    decipher.final()
  }
  return { encryptMs, decryptMs: performance.now() - started }
}

/** lib/crypto itself in Node (WebCrypto of Node), for comparison with the browser. */
async function libThroughputInNode(size: number): Promise<{ encryptMs: number; decryptMs: number }> {
  const key = `0x${'42'.repeat(32)}` as const
  const block = randomFillSync(new Uint8Array(MiB))
  const source: ByteSource = { size, read: async (offset, length) => block.subarray(offset % MiB, (offset % MiB) + length) }
  let started = performance.now()
  await encryptFile(source, { key, sink: new WritableStream() })
  const encryptMs = performance.now() - started
  const ciphertext = new Uint8Array(encryptedLength({ plaintextLength: size }))
  let offset = 0
  const sink = new WritableStream<Uint8Array>({ write: (part) => void ciphertext.set(part, (offset += part.length) - part.length) })
  await encryptFile(source, { key, sink })
  const file = await openEncryptedFile(bytesSource(ciphertext), { key })
  started = performance.now()
  for await (const _ of decryptStream(file) as unknown as AsyncIterable<Uint8Array>);
  return { encryptMs, decryptMs: performance.now() - started }
}

export default async function cryptoBench(ctx: BenchContext): Promise<BenchResult[]> {
  const size = THROUGHPUT_MIB * MiB
  const dir = join(ctx.tmpDir, 'crypto')
  await mkdir(dir, { recursive: true })
  await build({
    stdin: { contents: pageSource, resolveDir: root, sourcefile: 'crypto-bench-page.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(dir, 'bench.js'),
    logLevel: 'error',
  })
  await writeFile(join(dir, 'index.html'), '<!doctype html><input type="file"><script type="module" src="bench.js"></script>\n')
  const { origin } = await ctx.serve(dir)
  const openPage = async () => {
    const context = await ctx.browser.newContext()
    const page = await context.newPage()
    await page.goto(`${origin}/index.html`)
    await page.waitForFunction('!!window.bench')
    return { context, page }
  }

  ctx.log(`writing a ${LARGE_MIB} MiB input file`)
  const inputPath = join(dir, 'input.bin')
  const handle = await open(inputPath, 'w')
  const block = randomFillSync(Buffer.alloc(MiB))
  for (let i = 0; i < LARGE_MIB; i++) await handle.write(block)
  await handle.close()

  // Memory first, in a fresh page (its own renderer), so nothing earlier inflates the baseline.
  const renderersBefore = await rendererPids(ctx)
  const large = await openPage()
  let encrypted: { ms: number; size: number }
  let raw: { ms: number; size: number }
  let peak: { rssMiB: number; uncollectedMiB: number; heldMiB: number }
  let ranges: number[]
  try {
    const newRenderers = (await rendererPids(ctx)).filter((pid) => !renderersBefore.includes(pid))
    // Chromium gets the path: the File is disk-backed, as one the user picks.
    await large.page.setInputFiles('input', inputPath)
    // Twice: once as a user would run it (the tab's resident memory, GC slack included), once
    // with a GC forced before every sample (what the encryption itself holds). See sampleMemory.
    ctx.log(`encrypting ${LARGE_MIB} MiB from a File into OPFS, sampling the renderer's memory`)
    let memory = await sampleMemory(large.page, newRenderers, { forceGc: false })
    encrypted = (await large.page.evaluate('window.bench.encryptToOpfs()')) as { ms: number; size: number }
    const natural = await memory.stop()
    ctx.log(`encrypting ${LARGE_MIB} MiB again, forcing a GC before each memory sample`)
    memory = await sampleMemory(large.page, newRenderers, { forceGc: true })
    await large.page.evaluate('window.bench.encryptToOpfs()')
    const held = await memory.stop()
    peak = { rssMiB: natural.rssMiB, uncollectedMiB: natural.heapMiB, heldMiB: held.heapMiB }
    ctx.log('reading 1 MiB ranges from the middle of the encrypted file')
    ranges = (await large.page.evaluate('window.bench.rangeReads(15)')) as number[]
    // After the range reads removed the encrypted file: the origin's quota does not hold two of them.
    ctx.log(`writing the same ${LARGE_MIB} MiB into OPFS unencrypted`)
    raw = (await large.page.evaluate('window.bench.rawToOpfs()')) as { ms: number; size: number }
  } finally {
    await large.context.close()
  }

  // Native, Chromium and Node runs interleave so that load from elsewhere on the machine falls
  // on all of them alike; each figure is the median of its runs.
  ctx.log(`throughput over ${THROUGHPUT_MIB} MiB: node:crypto, lib/crypto in Chromium, lib/crypto in Node (${RUNS} rounds)`)
  const plaintext = randomFillSync(Buffer.alloc(size))
  const ciphertext = Buffer.alloc(encryptedLength({ plaintextLength: size })).fill(1)
  const native: Timing[] = []
  const browser: Timing[] = []
  const browserOneThread: Timing[] = []
  const inNode: Timing[] = []
  const throughputPage = await openPage()
  try {
    ctx.log(`Chromium reports ${await throughputPage.page.evaluate('window.bench.cores')} cores (lib/crypto starts a worker per core, up to 4)`)
    for (let i = 0; i < RUNS; i++) {
      native.push(nativeThroughput(plaintext, ciphertext))
      browser.push(await throughputPage.page.evaluate(`window.bench.throughput(${THROUGHPUT_MIB}, false)`))
      browserOneThread.push(await throughputPage.page.evaluate(`window.bench.throughput(${THROUGHPUT_MIB}, true)`))
      inNode.push(await libThroughputInNode(size))
    }
  } finally {
    await throughputPage.context.close()
  }

  const ratio = (pick: keyof Timing) => median(native.map((r) => r[pick])) / median(browser.map((r) => r[pick]))
  const rate = (runs: Timing[], pick: keyof Timing) => mbps(size, median(runs.map((r) => r[pick])))
  return [
    figure('crypto.encrypt.ratio_vs_native', ratio('encryptMs'), 'x', '>= 0.5'),
    figure('crypto.encrypt.browser_mbps', rate(browser, 'encryptMs'), 'MB/s'),
    figure('crypto.encrypt.browser_one_thread_mbps', rate(browserOneThread, 'encryptMs'), 'MB/s'),
    figure('crypto.encrypt.native_mbps', rate(native, 'encryptMs'), 'MB/s'),
    figure('crypto.encrypt.node_webcrypto_mbps', rate(inNode, 'encryptMs'), 'MB/s'),
    figure('crypto.decrypt.ratio_vs_native', ratio('decryptMs'), 'x', '>= 0.5'),
    figure('crypto.decrypt.browser_mbps', rate(browser, 'decryptMs'), 'MB/s'),
    figure('crypto.decrypt.browser_one_thread_mbps', rate(browserOneThread, 'decryptMs'), 'MB/s'),
    figure('crypto.decrypt.native_mbps', rate(native, 'decryptMs'), 'MB/s'),
    figure('crypto.decrypt.node_webcrypto_mbps', rate(inNode, 'decryptMs'), 'MB/s'),
    figure('crypto.range_read_ms', median(ranges), 'ms', '<= 50'),
    figure('crypto.range_read_max_ms', Math.max(...ranges), 'ms'),
    figure('crypto.encrypt_opfs_mbps', mbps(encrypted.size, encrypted.ms), 'MB/s'),
    figure('crypto.raw_opfs_mbps', mbps(raw.size, raw.ms), 'MB/s'),
    figure('crypto.encrypt_opfs_vs_raw_opfs', raw.ms / encrypted.ms, 'x', '>= 0.7'),
    figure('crypto.encrypt_peak_mib', peak.heldMiB, 'MiB', '<= 16'),
    figure('crypto.encrypt_peak_rss_mib', peak.rssMiB, 'MiB'),
    figure('crypto.encrypt_peak_uncollected_mib', peak.uncollectedMiB, 'MiB'),
  ]
}

type Timing = { encryptMs: number; decryptMs: number }

/** Pids of Chromium's renderer processes (CDP `SystemInfo.getProcessInfo`). */
async function rendererPids(ctx: BenchContext): Promise<number[]> {
  const session = await ctx.browser.newBrowserCDPSession()
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[]
  }
  await session.detach()
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id)
}

/**
 * Samples the page's memory every 50 ms until `stop()` and returns the peaks above a baseline
 * taken just before the run, after a forced GC.
 * - rssMiB: the page's renderer process's resident memory (Linux /proc/<pid>/status VmRSS; the
 *   renderer is the one CDP `SystemInfo.getProcessInfo` lists after the page opened and not
 *   before). Everything counts: V8 heap, ArrayBuffers, WebCrypto and Blob buffers, allocator slack.
 * - heapMiB: V8 heap in use plus ArrayBuffer backing stores (CDP `Runtime.getHeapUsage`: usedSize +
 *   backingStorageSize).
 * Without `forceGc`, both include garbage not yet collected: V8 lets dead ArrayBuffers pile up to
 * about 64 MiB of external memory before it collects them, so the peak shows that slack more than
 * what the code holds. With `forceGc`, each sample follows two full GCs (the second finishes the
 * first one's ArrayBuffer sweeping), so heapMiB is what the encryption really holds at that moment.
 * OPFS in Playwright's contexts (off the record) lives in the browser process, not the renderer.
 */
async function sampleMemory(page: import('@playwright/test').Page, renderers: number[], { forceGc }: { forceGc: boolean }) {
  const session = await page.context().newCDPSession(page)
  const rssOf = async (pid: number) =>
    Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8').catch(() => ''))?.[1] ?? 0) * 1024
  const rss = async () => (await Promise.all(renderers.map(rssOf))).reduce((sum, value) => sum + value, 0)
  const heap = async () => {
    const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number }
    return usage.usedSize + (usage.backingStorageSize ?? 0)
  }
  await session.send('HeapProfiler.collectGarbage')
  await session.send('HeapProfiler.collectGarbage')
  await new Promise((resolve) => setTimeout(resolve, 200))
  const baseHeap = await heap()
  const baseRss = await rss()
  let peakHeap = baseHeap
  let peakRss = baseRss
  let running = true
  const loop = (async () => {
    while (running) {
      if (forceGc) {
        await session.send('HeapProfiler.collectGarbage')
        await session.send('HeapProfiler.collectGarbage')
      }
      peakHeap = Math.max(peakHeap, await heap())
      peakRss = Math.max(peakRss, await rss())
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  })()
  return {
    stop: async () => {
      running = false
      await loop
      await session.detach()
      return { heapMiB: (peakHeap - baseHeap) / MiB, rssMiB: (peakRss - baseRss) / MiB }
    },
  }
}
