import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { checkExport } from './checkExport'

/** Parameters of `buildSite`. */
export type BuildSiteParameters = {
  /** Where the static export lands, relative to the project (`out` is `npm run build`'s). */
  outDir: string
  /** `KEYSWARM_BASE_PATH`: the path the site is served under, `''` at a domain's root. */
  basePath?: string
  /** More build-time variables (NEXT_PUBLIC_CHAINS, NEXT_PUBLIC_RPC_URLS, …). */
  env?: Record<string, string>
  log?: (line: string) => void
}

/**
 * Builds the static export into `outDir` — service worker, embed loader, `next build` — and
 * fails when the result would need server rewriting (scripts/lib/checkExport.ts). The build
 * cache stays in `.next`, so builds run one at a time.
 */
export async function buildSite(
  root: string,
  { outDir, basePath = '', env = {}, log = console.log }: BuildSiteParameters,
) {
  const environment = { ...process.env, ...env, KEYSWARM_BASE_PATH: basePath, NEXT_DIST_DIR: outDir }
  const run = (command: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: environment })
      child.once('error', reject)
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`\`${command} ${args.join(' ')}\` failed (exit ${code}).`)),
      )
    })
  const tsx = join(root, 'node_modules', '.bin', 'tsx')
  await run(tsx, ['scripts/build-sw.ts'])
  await run(tsx, ['scripts/build-embed.ts'])
  log(`next build → ${outDir}/${basePath ? ` (base path ${basePath})` : ''}`)
  await run(join(root, 'node_modules', '.bin', 'next'), ['build'])
  const problems = checkExport(join(root, outDir), { basePath })
  if (problems.length)
    throw new Error(
      `${outDir}/ would not work on a static host that only maps URLs to files:\n${problems.map((p) => `  ${p.file}: ${p.reference}\n    ${p.reason}`).join('\n')}`,
    )
  log(`${outDir}/: every page is a folder's index.html and every internal link names a file.`)
}
