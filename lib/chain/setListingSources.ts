import type { Config } from 'wagmi'
import type { Deployment } from './deployments/index'
import { InvalidSourceError } from './errors'
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
  const cleanTrackers = clean(trackers, 'tracker', /^wss?:\/\/[^\s/]+/i)
  const cleanWebSeeds = clean(webSeeds, 'web seed', /^https?:\/\/[^\s/]+/i)
  await prepareWallet(config, { chainId: deployment.chainId })
  return writeAndWait(config, {
    deployment,
    functionName: 'setSources',
    args: [contentId, cleanTrackers, cleanWebSeeds],
    what: 'sources update',
  })
}

function clean(values: readonly string[], kind: 'tracker' | 'web seed', pattern: RegExp): string[] {
  const out = [...new Set(values.map((v) => v.trim()).filter(Boolean))]
  for (const value of out) {
    let valid = pattern.test(value)
    try {
      new URL(value)
    } catch {
      valid = false
    }
    if (!valid) throw new InvalidSourceError(kind, value)
  }
  return out
}
