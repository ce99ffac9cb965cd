/**
 * Builds lib/stream's service worker into public/sw.js (run before `next build`; the file is
 * generated, not committed).
 */
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

await build({
  entryPoints: [`${root}lib/stream/sw.ts`],
  outfile: `${root}public/sw.js`,
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'info',
})
