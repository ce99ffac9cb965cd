/**
 * `npm run bench`: runs every `scripts/bench/<name>.bench.ts` suite (or those named on the command
 * line), prints one table and writes bench/results.json. Figures are measured side by side in one
 * run on a shared, noisy machine: suites report medians and ratios, not single timings.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from '../lib/chromium'
import { ensureBuild } from '../lib/ensureBuild'
import { type StaticServer, startStaticServer } from '../lib/staticServer'
import type { BenchContext, BenchResult, BenchSuite } from './types'

const root = join(import.meta.dirname, '..', '..')
const benchDir = join(root, 'bench')

async function main() {
  const only = process.argv.slice(2)
  const files = (await readdir(import.meta.dirname)).filter((file) => file.endsWith('.bench.ts')).sort()
  const selected = files.filter((file) => !only.length || only.includes(file.replace('.bench.ts', '')))
  if (!selected.length) throw new Error(`No benchmark suite matches ${only.join(', ')}; there are: ${files.join(', ')}`)
  // Suites serve the static export: a fresh clone (or edited sources) builds it first, as `npm start` does.
  if (process.env.KEYSWARM_NO_BUILD !== '1') await ensureBuild(root)

  const tmpDir = join(benchDir, 'tmp')
  await rm(tmpDir, { recursive: true, force: true })
  await mkdir(tmpDir, { recursive: true })
  const servers: StaticServer[] = []
  const base: Omit<BenchContext, 'browser'> = {
    tmpDir,
    serve: async (dir) => {
      const server = await startStaticServer({ root: dir, port: 0 })
      servers.push(server)
      return { origin: `http://127.0.0.1:${(server.server.address() as AddressInfo).port}` }
    },
    log: (message) => console.log(`  ${message}`),
  }

  const results: BenchResult[] = []
  const failures: string[] = []
  try {
    for (const file of selected) {
      const name = file.replace('.bench.ts', '')
      console.log(`\n▶ ${name}`)
      const started = performance.now()
      // A browser of its own per suite: a suite that exhausts or crashes Chromium (1 GiB in OPFS)
      // must not leave the next one waiting on a dead browser.
      const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...chromiumArgs] })
      try {
        const suite = (await import(join(import.meta.dirname, file))).default as BenchSuite
        results.push(...(await suite({ ...base, browser })))
        console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
      } catch (error) {
        failures.push(`${name}: ${(error as Error).stack ?? error}`)
        console.error(`  ✗ ${name} failed: ${(error as Error).message}`)
      } finally {
        await browser.close()
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.close()))
    await rm(tmpDir, { recursive: true, force: true })
  }

  await writeFile(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
  printTable(results)
  console.log(`\nWrote bench/results.json (${results.length} figures).`)
  if (failures.length) {
    console.error(`\n${failures.length} suite(s) failed:\n${failures.join('\n')}`)
    process.exit(1)
  }
}

function printTable(results: BenchResult[]) {
  const rows = results.map((r) => [r.name, format(r.value), r.unit, r.goal || '—', r.goal ? (r.holds ? 'yes' : 'NO') : ''])
  const header = ['figure', 'value', 'unit', 'goal', 'holds']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]) => cells.map((cell, i) => (i === 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')
  console.log(`\n${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`)
  for (const row of rows) console.log(line(row))
  // Runs on different machines, or one machine under different load, compare only with these beside them.
  console.log(`\nCPU: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}; load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min)`)
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toFixed(3)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
