/**
 * Fails the build when the static export would need server help: run after `next build` by
 * `npm run build` (and build:subpath, deploy:site). Usage: `tsx scripts/check-export.ts [folder]`
 * (default `out`); the base path it was built for comes from KEYSWARM_BASE_PATH, as in next.config.mjs.
 */
import { join } from 'node:path'
import { checkExport } from './lib/checkExport'

const root = join(import.meta.dirname, '..')
const folder = join(root, process.argv[2] ?? 'out')
const basePath = (process.env.KEYSWARM_BASE_PATH ?? '').trim().replace(/\/+$/, '')
const problems = checkExport(folder, { basePath })
if (problems.length) {
  console.error(`${folder} would not work on a static host that only maps URLs to files:`)
  for (const { file, reference, reason } of problems) console.error(`  ${file}: ${reference}\n    ${reason}`)
  process.exit(1)
}
console.log(
  `${folder}: every page is a folder's index.html and every internal link names a file (base path "${basePath}").`,
)
