import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { isBuildStale } from '../../scripts/lib/ensureBuild'
import { freePort, startStack } from '../../scripts/lib/startStack'

const root = join(import.meta.dirname, '..', '..')

/** Starts one local stack for the whole run on free ports; tests read it from KEYSWARM_E2E_STACK. */
export default async function globalSetup() {
  if (!existsSync(join(root, 'out', 'index.html')))
    throw new Error('The static export is missing: run `npm run build` before the e2e tests (npm test does).')
  if (isBuildStale(root)) console.warn('warning: out/ is older than the sources; run `npm run build` to test the current code.')
  const stack = await startStack({
    ports: { chain: await freePort(), tracker: 0, web: 0 },
    outDir: join(root, 'out'),
    // A second deployed chain, for the journey that moves a wallet between two deployments mid-page.
    secondChain: true,
  })
  process.env.KEYSWARM_E2E_STACK = JSON.stringify({
    rpcUrl: stack.rpcUrl,
    trackerUrl: stack.trackerUrl,
    relayUrl: stack.relayUrl,
    webUrl: stack.webUrl,
    deployment: stack.deployment,
    secondChain: stack.secondChain,
  })
  return () => stack.stop()
}
