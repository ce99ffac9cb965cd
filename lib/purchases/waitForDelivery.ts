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
  signal?: AbortSignal
}

/** Resolves with the sealed key once the purchase's `Delivered` event is on chain. */
export async function waitForDelivery(
  client: PublicClient,
  { interval = 500, signal, ...params }: WaitForDeliveryParameters,
): Promise<Hex> {
  for (;;) {
    signal?.throwIfAborted()
    const sealed = await readDelivery(client, params)
    if (sealed) return sealed
    await new Promise((resolve) => setTimeout(resolve, interval))
  }
}
