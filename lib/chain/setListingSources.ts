import type { Config } from 'wagmi'
import type { Deployment } from './deployments/index'
import { parseSources } from './parseSources'
import { prepareWallet } from './prepareWallet'
import { type WriteAndWaitReturnType, writeAndWait } from './writeAndWait'

/** Parameters of {@link setListingSources}. */
export type SetListingSourcesParameters = {
  deployment: Deployment
  contentId: bigint
  /** WebSocket trackers (wss:// or ws://) peers of this listing announce to. */
  trackers: readonly string[]
  /** HTTP(S) web seeds (BEP 19) that serve the ciphertext when no browser does. */
  webSeeds: readonly string[]
}

/**
 * Replaces a listing's trackers and web seeds (`setSources`, announced in a `SourcesChanged` event);
 * only its creator may. Addresses are trimmed, checked and deduplicated first, so a typo costs no gas.
 * @throws InvalidSourceError for an address browsers cannot use, the wallet's refusal, or a revert.
 */
export async function setListingSources(
  config: Config,
  { deployment, contentId, trackers, webSeeds }: SetListingSourcesParameters,
): Promise<WriteAndWaitReturnType> {
  const cleanTrackers = parseSources(trackers, 'tracker')
  const cleanWebSeeds = parseSources(webSeeds, 'web seed')
  await prepareWallet(config, { chainId: deployment.chainId })
  return writeAndWait(config, {
    deployment,
    functionName: 'setSources',
    args: [contentId, cleanTrackers, cleanWebSeeds],
    what: 'sources update',
  })
}
