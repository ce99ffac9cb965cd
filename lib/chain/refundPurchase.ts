import { getAbiItem } from 'viem'
import type { Config } from 'wagmi'
import { getPublicClient } from 'wagmi/actions'
import { pointAddress } from '../crypto'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { UnknownPurchaseError } from './errors'
import { writeAndWait } from './writeAndWait'

/** Parameters of {@link refundPurchase}. */
export type RefundPurchaseParameters = { deployment: Deployment; purchaseId: bigint }

const purchasedEvent = getAbiItem({ abi: keyswarmAbi, name: 'Purchased' })

/**
 * Takes back the payment of a purchase whose key did not arrive before the delivery deadline.
 * The contract keeps only a commitment to buyer and session key, so the refund names the session
 * key's address again, read from the purchase's `Purchased` event. Returns the gas it cost.
 * @throws UnknownPurchaseError when the chain has no `Purchased` event for the id.
 */
export async function refundPurchase(
  config: Config,
  { deployment, purchaseId }: RefundPurchaseParameters,
): Promise<{ gasUsed: bigint }> {
  const client = getPublicClient(config, { chainId: deployment.chainId })
  const [purchased] = client
    ? await client.getLogs({
        address: deployment.keyswarm,
        event: purchasedEvent,
        args: { purchaseId },
        fromBlock: BigInt(deployment.deployBlock),
        toBlock: 'latest',
      })
    : []
  if (!purchased) throw new UnknownPurchaseError(purchaseId)
  const session = pointAddress({ x: purchased.args.sessionX!, y: purchased.args.sessionY! })
  const { gasUsed } = await writeAndWait(config, {
    deployment,
    functionName: 'refund',
    args: [purchaseId, session],
    what: 'refund',
  })
  return { gasUsed }
}
