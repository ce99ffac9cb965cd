/**
 * Builds the embed loader (lib/embed/loader.ts) into public/embed.js: one small ES2019 script with
 * no dependencies that creators paste into their pages (run before `next build`; the file is
 * generated, not committed). Fails when the script grows past 4 KB.
 */
import { build } from 'esbuild'
import { statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const outfile = `${root}public/embed.js`
const LIMIT = 4096

await build({
  entryPoints: [`${root}lib/embed/loader.ts`],
  outfile,
  bundle: true,
  format: 'iife',
  target: 'es2019',
  minify: true,
  legalComments: 'none',
  banner: { js: '/* Keyswarm embed loader: docs/embed.md */' },
  logLevel: 'info',
})
const size = statSync(outfile).size
if (size > LIMIT) throw new Error(`public/embed.js is ${size} bytes, over its ${LIMIT}-byte budget.`)
