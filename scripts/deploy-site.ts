/**
 * `npm run deploy:site`: builds the site for a real chain into a folder ready to upload to a
 * static host or IPFS, then says what to do with it.
 *
 *   NEXT_PUBLIC_CHAINS=84532 npm run deploy:site
 *
 * Build-time settings (environment): NEXT_PUBLIC_CHAINS (required; chain ids, the first is the
 * default; each needs lib/chain/deployments/<id>.json from `npm run deploy`), KEYSWARM_BASE_PATH
 * (the path the site is served under, e.g. /keyswarm; unset at a domain's root),
 * NEXT_PUBLIC_RPC_URLS (`<chain id>=<url>,…` where the chain's public RPC will not do),
 * NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID (optional), KEYSWARM_SITE_DIR (the folder; default `site`).
 */
import { join, relative } from 'node:path'
import { getDeployment } from '../lib/chain/deployments/index'
import { buildSite } from './lib/buildSite'

const root = join(import.meta.dirname, '..')

/** A setting that stops the build, said as what to do instead. */
class DeploySiteError extends Error {
  override name = 'DeploySiteError'
}

function readChains(): number[] {
  const value = process.env.NEXT_PUBLIC_CHAINS?.trim()
  if (!value)
    throw new DeploySiteError(
      'Name the chain to build for: NEXT_PUBLIC_CHAINS=84532 npm run deploy:site (comma-separate several ids; the first is the default).',
    )
  const ids = value.split(',').map((id) => Number(id.trim()))
  for (const id of ids) {
    if (!Number.isInteger(id) || id <= 0)
      throw new DeploySiteError(`NEXT_PUBLIC_CHAINS is "${value}": give chain ids, such as 84532 or 8453,84532.`)
    if (id === 31337)
      throw new DeploySiteError(
        'Chain 31337 is the local anvil chain of `npm start`: build for it with `npm run build`, not for upload.',
      )
    // What the built app will know: lib/chain/deployments/index.ts, which `npm run deploy` regenerates.
    if (!getDeployment(id))
      throw new DeploySiteError(
        `Keyswarm is not deployed on chain ${id} yet: run \`npm run deploy -- --rpc-url <RPC of chain ${id}> --private-key <key>\` first (it writes lib/chain/deployments/${id}.json).`,
      )
  }
  return ids
}

async function main() {
  const chains = readChains()
  const basePath = (process.env.KEYSWARM_BASE_PATH ?? '').trim().replace(/\/+$/, '')
  const outDir = process.env.KEYSWARM_SITE_DIR?.trim() || 'site'
  await buildSite(root, { outDir, basePath, env: { NEXT_PUBLIC_CHAINS: chains.join(',') } })
  const folder = relative(process.cwd(), join(root, outDir)) || '.'
  const where = basePath ? `https://<your host>${basePath}/` : 'https://<your host>/'
  console.log(`
The site for chain ${chains.join(', ')} is in ${folder}/${basePath ? `, built to be served under ${basePath}/` : ', built for the root of its origin'}.
Every page is a folder with an index.html, so it needs no server rules.

Next:
  Static host: upload the contents of ${folder}/ so that ${folder}/index.html answers ${where}
    (GitHub Pages project site: build with KEYSWARM_BASE_PATH=/<repo>; user site or own domain: no base path).
  IPFS (built without a base path): ipfs add -r --cid-version 1 --quieter ${folder}
    then open https://<cid>.ipfs.dweb.link/ (a subdomain gateway), or http://<cid>.ipfs.localhost:8080/
    on your own node; pin the CID (ipfs pin add, or a pinning service) so it stays up.
    Path gateways (https://<gateway>/ipfs/<cid>/) cannot serve it: see README, "Deploying to a real chain".
  Check it locally first: ${
    basePath
      ? `mkdir -p /tmp/check${basePath} && cp -r ${folder}/. /tmp/check${basePath}/ && cd /tmp/check && python3 -m http.server 8080, then open http://localhost:8080${basePath}/`
      : `cd ${folder} && python3 -m http.server 8080, then open http://localhost:8080/`
  }`)
}

main().catch((error: Error) => {
  console.error(`\nnpm run deploy:site failed: ${error.message}`)
  process.exit(1)
})
