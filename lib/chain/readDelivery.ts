import { type Hex, type PublicClient, getAbiItem } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'

/** Parameters of {@link readDelivery}. */
export type ReadDeliveryParameters = { deployment: Deployment; purchaseId: bigint; fromBlock?: bigint }

const deliveredEvent = getAbiItem({ abi: keyswarmAbi, name: 'Delivered' })

/** The sealed key delivered for a purchase, from its `Delivered` event; undefined until delivered. */
export async function readDelivery(
  client: PublicClient,
  { deployment, purchaseId, fromBlock = BigInt(deployment.deployBlock) }: ReadDeliveryParameters,
): Promise<Hex | undefined> {
  const [log] = await client.getLogs({
    address: deployment.keyswarm,
    event: deliveredEvent,
    args: { purchaseId },
    fromBlock,
    toBlock: 'latest',
  })
  return log?.args.sealedKey
}
