import type { PublicClient } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { type PurchaseStateName, purchaseStateName } from './purchaseStateName'

/** What {@link readPurchaseClock} returns: the purchase's stored state and its clock (unix seconds). */
export type PurchaseClockReading = { state: PurchaseStateName; purchasedAt: number; deliveryDeadline: number }

/** A purchase's stored state, when it was mined and when its key is due, from the contract's `purchases`. */
export async function readPurchaseClock(
  client: PublicClient,
  { deployment, purchaseId }: { deployment: Deployment; purchaseId: bigint },
): Promise<PurchaseClockReading> {
  const info = await client.readContract({
    address: deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'purchases',
    args: [purchaseId],
  })
  return {
    state: purchaseStateName(info.state),
    purchasedAt: Number(info.purchasedAt),
    deliveryDeadline: Number(info.deliveryDeadline),
  }
}
