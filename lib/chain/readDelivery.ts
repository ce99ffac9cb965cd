import { type Hex, type PublicClient, getAbiItem } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { scanLogs } from './scanLogs'

/** Parameters of {@link readDelivery}. */
export type ReadDeliveryParameters = {
  deployment: Deployment
  purchaseId: bigint
  /** The purchase's block, when known: nothing before it can hold its delivery. */
  fromBlock?: bigint
  signal?: AbortSignal
}

const deliveredEvent = getAbiItem({ abi: keyswarmAbi, name: 'Delivered' })

/**
 * The sealed key delivered for a purchase, from its `Delivered` event; undefined until delivered.
 * Read with {@link scanLogs}, newest first and stopping at the event, so a wait that polls it
 * reads only the blocks since its last look.
 */
export async function readDelivery(
  client: PublicClient,
  { deployment, purchaseId, fromBlock = BigInt(deployment.deployBlock), signal }: ReadDeliveryParameters,
): Promise<Hex | undefined> {
  const { logs } = await scanLogs(client, {
    address: deployment.keyswarm,
    event: deliveredEvent,
    args: { purchaseId },
    fromBlock,
    limit: 1,
    signal,
  })
  return logs[0]?.args.sealedKey
}
