import { discoveryLimits } from './limits'

/** Parameters of {@link relayRetryDelay}. */
export type RelayRetryDelayParameters = {
  /** Failed attempts so far (1 after the first failure). */
  failures: number
  /** A number in [0, 1) (default `Math.random()`): spreads the tabs of one swarm apart. */
  random?: number
}

/**
 * How long to wait before dialling a Nostr relay again after `failures` failed attempts: doubling
 * from `relayRetryFirstMs` up to `relayRetryMaxMs`, each wait between 75% and 100% of that, so a
 * relay that comes back is not met by every tab of a swarm in the same second.
 * @example
 * relayRetryDelay({ failures: 1, random: 0.5 }) // 875 (ms)
 */
export function relayRetryDelay({ failures, random = Math.random() }: RelayRetryDelayParameters): number {
  const { relayRetryFirstMs, relayRetryMaxMs } = discoveryLimits
  const full = Math.min(relayRetryMaxMs, relayRetryFirstMs * 2 ** Math.max(0, Math.min(failures - 1, 30)))
  return Math.round(full * (0.75 + 0.25 * Math.min(Math.max(random, 0), 1)))
}
