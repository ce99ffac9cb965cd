import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const sources = ['app', 'components', 'lib', 'public', 'next.config.mjs', 'package.json', 'postcss.config.mjs']

// Written from lib/ by every build (build:subpath and deploy:site too): lib/ itself says whether out/ is stale.
const generated = ['sw.js', 'sw.js.map', 'embed.js'].map((name) => join('public', name))

function newestMtime(path: string): number {
  if (!existsSync(path) || generated.some((name) => path.endsWith(name))) return 0
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue
    newest = Math.max(newest, newestMtime(join(path, entry)))
  }
  return newest
}

/** Whether `out/` is missing or older than any source it is built from. */
export function isBuildStale(root: string): boolean {
  const marker = join(root, 'out', 'index.html')
  if (!existsSync(marker)) return true
  const built = statSync(marker).mtimeMs
  return sources.some((source) => newestMtime(join(root, source)) > built)
}

/** Runs `npm run build` when the static export is missing or stale. */
export async function ensureBuild(root: string, log: (line: string) => void = console.log): Promise<void> {
  if (!isBuildStale(root)) return
  log('Building the site (out/ is missing or older than the sources)…')
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (exit ${code}).`))))
  })
}
