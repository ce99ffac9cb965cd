import type { Config } from 'wagmi'
import type { Deployment } from './deployments/index'
import { writeAndWait } from './writeAndWait'

/** Parameters of {@link refundPurchase}. */
export type RefundPurchaseParameters = { deployment: Deployment; purchaseId: bigint }

/**
 * Takes back the payment of a purchase whose key did not arrive before the delivery deadline.
 * Returns the gas it cost.
 */
export async function refundPurchase(
  config: Config,
  { deployment, purchaseId }: RefundPurchaseParameters,
): Promise<{ gasUsed: bigint }> {
  const { gasUsed } = await writeAndWait(config, {
    deployment,
    functionName: 'refund',
    args: [purchaseId],
    what: 'refund',
  })
  return { gasUsed }
}
