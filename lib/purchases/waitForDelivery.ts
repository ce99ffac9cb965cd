import type { Hex, PublicClient } from 'viem'
import type { Deployment } from '../chain/deployments/index'
import { readDelivery } from '../chain/readDelivery'

/** Parameters of {@link waitForDelivery}. */
export type WaitForDeliveryParameters = {
  deployment: Deployment
  purchaseId: bigint
  fromBlock?: bigint
  /** Milliseconds between checks (default 500). */
  interval?: number
  /** Longest wait between checks after failed ones: it doubles from `interval` (default 10000). */
  maxBackoff?: number
  /** A check failed (the RPC is down, say); the wait goes on. */
  onRetry?: (error: unknown) => void
  signal?: AbortSignal
}

/**
 * Resolves with the sealed key once the purchase's `Delivered` event is on chain. A failed
 * check is reported and retried with backoff: the buyer's wait outlives a flaky RPC.
 */
export async function waitForDelivery(
  client: PublicClient,
  { interval = 500, maxBackoff = 10_000, onRetry, signal, ...params }: WaitForDeliveryParameters,
): Promise<Hex> {
  let failures = 0
  for (;;) {
    signal?.throwIfAborted()
    try {
      const sealed = await readDelivery(client, params)
      if (sealed) return sealed
      failures = 0
    } catch (error) {
      failures += 1
      onRetry?.(error)
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(interval * 2 ** failures, maxBackoff)))
  }
}
