import type { Browser } from '@playwright/test'

/** One figure of `npm run bench`, as written to bench/results.json. */
export type BenchResult = {
  /** Dotted name, e.g. `crypto.encrypt.ratio_vs_native`. */
  name: string
  value: number
  /** `x`, `ms`, `MiB`, `MB/s`, ... */
  unit: string
  /** The target as text, e.g. `>= 0.5`; empty when the figure is informational. */
  goal: string
  /** Whether `value` meets `goal` (true for informational figures). */
  holds: boolean
}

/** What the harness hands every suite. Everything in it is owned and torn down by the harness. */
export type BenchContext = {
  /** A shared Chromium launched with the project's flags. */
  browser: Browser
  /** Serves `dir` over http://127.0.0.1:<port>/ (a secure context for WebCrypto, OPFS, workers). */
  serve: (dir: string) => Promise<{ origin: string }>
  /** Work directory for temporary files (bench/tmp), removed after the run. */
  tmpDir: string
  /** Prints a progress line. */
  log: (message: string) => void
}

/** A benchmark suite: `scripts/bench/<name>.bench.ts` default-exports one. */
export type BenchSuite = (ctx: BenchContext) => Promise<BenchResult[]>
