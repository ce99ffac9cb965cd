/**
 * `npm run chain:fill`: builds the bench's chain with history — 20,000 blocks past the deployment
 * holding 10,000 listings and 4,100 purchases (scripts/lib/chainHistoryPresets.ts `filled`) — and
 * keeps it in .cache/chain-history for this machine. `npm run bench -- chain` and
 * `KEYSWARM_HISTORY=filled npm start` build it themselves when it is missing; run this ahead of
 * them to pay the few minutes up front. Nothing is built when the cached one is current.
 */
import { ensureChainHistory } from './lib/chainHistory'
import { chainHistoryPresets } from './lib/chainHistoryPresets'

async function main() {
  const started = Date.now()
  const history = await ensureChainHistory({ ...chainHistoryPresets.filled, log: (line) => console.log(line) })
  console.log(
    `Chain with history ready in ${Math.round((Date.now() - started) / 1000)} s: blocks ${history.deployment.deployBlock}–${history.head}, ` +
      `${history.fill?.listings} listings, ${history.fill?.purchases} purchases.\n  ${history.stateFile}\n` +
      'Try it: KEYSWARM_HISTORY=filled KEYSWARM_RPC_LIMITS=public npm start',
  )
}

main().catch((error: Error) => {
  console.error(`chain:fill failed: ${error.message}`)
  process.exit(1)
})
