import { type Hex, type PublicClient, getAbiItem } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { scanLogs } from './scanLogs'

/** Parameters of {@link readDeliveries}. */
export type ReadDeliveriesParameters = {
  deployment: Deployment
  purchases: readonly { purchaseId: bigint; blockNumber: bigint }[]
  signal?: AbortSignal
}

const deliveredEvent = getAbiItem({ abi: keyswarmAbi, name: 'Delivered' })

/**
 * The sealed keys delivered for many purchases, by purchase id, in one ranged scan of their
 * `Delivered` events from the oldest purchase's block (a restore reads them all at once).
 */
export async function readDeliveries(
  client: PublicClient,
  { deployment, purchases, signal }: ReadDeliveriesParameters,
): Promise<Map<bigint, Hex>> {
  const delivered = new Map<bigint, Hex>()
  if (purchases.length === 0) return delivered
  const { logs } = await scanLogs(client, {
    address: deployment.keyswarm,
    event: deliveredEvent,
    args: { purchaseId: purchases.map((p) => p.purchaseId) },
    fromBlock: purchases.reduce((min, p) => (p.blockNumber < min ? p.blockNumber : min), purchases[0]!.blockNumber),
    signal,
  })
  for (const log of logs) delivered.set(log.args.purchaseId!, log.args.sealedKey!)
  return delivered
}
